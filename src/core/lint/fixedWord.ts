import type { CodeUnits } from './codeUnits';
import { fourByteView, lowBytes } from './fourBytes';

/**
 * The four-byte view of `units` for comparing `length` units from `from` with {@link readsMatch}: undefined
 * when the text is not ASCII, or when the last read, which may cover up to three bytes after the region
 * (masked off), would pass the text's end.
 */
export function readsViewFor(units: CodeUnits, from: number, length: number): DataView | undefined {
  return from + ((length + 3) & ~3) <= units.length ? fourByteView(units) : undefined;
}

/**
 * Whether the bytes `from..to` of `view` are the word whose 32-bit reads start at `keys[first]`, letters
 * folded by the 0x20 bits in `folds` (see {@link FixedWord}). The last read may cover up to three bytes after
 * `to`, masked off; the caller makes sure they are inside the view.
 */
export function readsMatch(view: DataView, from: number, to: number, keys: Int32Array, folds: Int32Array, first: number): boolean {
  for (let j = first, at = from; at < to; j++, at += 4) {
    const mask = lowBytes(to - at);
    if (((view.getInt32(at, true) | (folds[j] as number)) & mask) !== ((keys[j] as number) & mask)) return false;
  }
  return true;
}

/**
 * A known word (a keyword, a tag name, a metadata format) compared in place with regions of a text's code
 * units, ASCII letters in either case when made so (mdadm compares keywords and tags with strncasecmp).
 * Slicing and lower-casing each word of a large file cost more than the rest of the analysis; in an ASCII
 * text four bytes are compared a read (a loop over the characters cost as much again as finding the word).
 */
export class FixedWord {
  readonly length: number;
  private readonly units: Uint16Array;
  /** The word's bytes four a read, first byte lowest, and the 0x20 bit of each letter that matches in either case. */
  readonly keys: Int32Array;
  readonly folds: Int32Array;

  /** `text` is ASCII, in lower case when `ignoreCase`. */
  constructor(
    readonly text: string,
    private readonly ignoreCase: boolean,
  ) {
    this.length = text.length;
    this.units = new Uint16Array(text.length);
    this.keys = new Int32Array((text.length + 3) >> 2);
    this.folds = new Int32Array((text.length + 3) >> 2);
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c > 0x7f) throw new Error(`"${text}" is not ASCII`);
      this.units[i] = c;
      const shift = (i & 3) << 3;
      this.keys[i >> 2] = (this.keys[i >> 2] as number) | (c << shift);
      // Only letters fold: `c | 0x20` of another character may be a third one (CR reads as `-`).
      if (ignoreCase && c >= 0x61 && c <= 0x7a) this.folds[i >> 2] = (this.folds[i >> 2] as number) | (0x20 << shift);
    }
  }

  /** Whether `units[from..to)` is this word. */
  equalsAt(units: CodeUnits, from: number, to: number): boolean {
    return to - from === this.length && this.startsAt(units, from, to);
  }

  /** Whether `units[from..to)` is the start of this word (all of it, or less). */
  startsAt(units: CodeUnits, from: number, to: number): boolean {
    const length = to - from;
    if (length > this.length) return false;
    const view = readsViewFor(units, from, length);
    if (view !== undefined) return readsMatch(view, from, to, this.keys, this.folds, 0);
    for (let i = 0; i < length; i++) {
      let c = units[from + i] as number;
      if (this.ignoreCase && c >= 0x41 && c <= 0x5a) c |= 0x20;
      if (c !== this.units[i]) return false;
    }
    return true;
  }
}
