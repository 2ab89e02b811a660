import { Spare } from '../spare';

/**
 * The typed arrays of a parse whose reader has finished with it, kept for the next parse: a 10,000-line .vmx
 * needs about 700 KB of them, and fresh ones (zero-filled, on new pages) cost half as much as a `split` of the
 * text. Only the analyzer hands its parse's arrays back, once its findings are made (findings keep no reference
 * to the parse); a parse kept by another caller owns its arrays. Arrays are taken, not shared: a parse that
 * throws simply does not give them back, and the next one allocates.
 */
export interface VmxParseArrays {
  /** VmxEntryTable's rows. */
  rows?: Int32Array;
  /** VmxKeyIndex's slots and its first entry of each entry. */
  slots?: Int32Array;
  firsts?: Int32Array;
  /** LineStarts' starts of the lines. */
  lineStarts?: Int32Array;
}

/** Larger arrays (from an unusually large file) are left to the garbage collector rather than kept for good. */
const keptLength = 1 << 20;

const spare = new Spare<VmxParseArrays>();

export function takeVmxParseArrays(): VmxParseArrays {
  return spare.take() ?? {};
}

export function giveBackVmxParseArrays(arrays: VmxParseArrays): void {
  const kept = (array: Int32Array | undefined): Int32Array | undefined => (array && array.length <= keptLength ? array : undefined);
  spare.giveBack({ rows: kept(arrays.rows), slots: kept(arrays.slots), firsts: kept(arrays.firsts), lineStarts: kept(arrays.lineStarts) });
}

/** `spare` if it holds `length` numbers (its first `length` then, not cleared), else a new zero-filled array. */
export function int32ArrayOf(spare: Int32Array | undefined, length: number): Int32Array {
  return spare && spare.length >= length ? spare : new Int32Array(length);
}
