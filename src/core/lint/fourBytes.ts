import type { CodeUnits } from './codeUnits';

/**
 * Reading an ASCII text four bytes at a time: one 32-bit read, little-endian so the text's first byte is the
 * lowest, stands for four loads and four tests in the loops that read long runs of ordinary characters.
 * The bytes of an ASCII text are below 0x80, so adding to every byte of a read never carries into the next.
 * The constants are written out rather than exported: an exported one is read from the module's exports
 * object on every use, which cost more than the four byte tests it replaces.
 */

/** Four of the byte `c` in one 32-bit word. */
export function fourOf(c: number): number {
  return Math.imul(c, 0x01010101);
}

/**
 * Non-zero when some byte of `x` is below `n` (at most 0x80): the high bit of the lowest such byte is set
 * exactly, higher ones may be set by its borrow.
 */
export function bytesBelow(x: number, n: number): number {
  return (x - Math.imul(n, 0x01010101)) & ~x & 0x80808080;
}

/** The first four characters of an ASCII string as one 32-bit read, first character lowest, for comparing a read with them. */
export function fourCharsRead(ascii: string): number {
  return ascii.charCodeAt(0) | (ascii.charCodeAt(1) << 8) | (ascii.charCodeAt(2) << 16) | (ascii.charCodeAt(3) << 24);
}

/** The mask that keeps the first `length` (1 to 4) bytes of a 32-bit read. */
export function lowBytes(length: number): number {
  return length >= 4 ? -1 : ~(-1 << (length << 3));
}

/** Whether a typed array of 32-bit words reads the first byte lowest, as every platform Node runs on does. */
const LITTLE_ENDIAN = new Uint8Array(Uint32Array.of(1).buffer)[0] === 1;
/**
 * The array last asked about, with its view and its words: callers ask per line or per word, and every
 * reader of one text asks about the same array.
 */
let lastCodes: CodeUnits | undefined;
let lastView: DataView | undefined;
let lastWords: Int32Array | undefined;

function remember(codes: CodeUnits): void {
  lastCodes = codes;
  const ascii = codes instanceof Uint8Array;
  lastView = ascii ? new DataView(codes.buffer, codes.byteOffset, codes.length) : undefined;
  lastWords = ascii && LITTLE_ENDIAN && (codes.byteOffset & 3) === 0 ? new Int32Array(codes.buffer, codes.byteOffset, codes.length >> 2) : undefined;
}

/** The bytes of `codes` four at a time when the text is ASCII (one byte per unit); undefined otherwise. */
export function fourByteView(codes: CodeUnits): DataView | undefined {
  if (codes !== lastCodes) remember(codes);
  return lastView;
}

/**
 * The full 32-bit words of `codes` (its length rounded down to four bytes), aligned, first byte lowest, when
 * the text is ASCII and its bytes start at a multiple of four in their buffer; undefined otherwise.
 */
export function fourByteWords(codes: CodeUnits): Int32Array | undefined {
  if (codes !== lastCodes) remember(codes);
  return lastWords;
}
