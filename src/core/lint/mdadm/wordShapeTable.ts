import type { CodeUnits } from '../codeUnits';
import { FixedWord, readsMatch, readsViewFor } from '../fixedWord';

/** A word's shape: its length and its first and last code units folded to 5 bits (so either case folds alike). */
function shape(length: number, first: number, last: number): number {
  return (length << 10) | ((first & 31) << 5) | (last & 31);
}

/**
 * Finds a word among a few fixed ones with one comparison at most: each word has its own shape (length, first
 * and last character), so the shape names the one candidate. Asking every word of the right length cost more
 * than the rest of the work on an ARRAY tag word; the words are mdadm's (tag names, metadata formats).
 */
export class WordShapeTable {
  private readonly words: readonly FixedWord[];
  /** Per shape, 1 + the index of the word of that shape, or 0. */
  private readonly byShape: Uint8Array;
  private readonly shortest: number;
  private readonly longest: number;
  /**
   * Every word's bytes four a read, `reads` reads per word, and the 0x20 bit of each letter that matches in
   * either case: compared here in one loop, a call to the word's own FixedWord cost as much as the look-up.
   */
  private readonly reads: number;
  private readonly keys: Int32Array;
  private readonly folds: Int32Array;

  /** `words`, ASCII, in lower case when they are to be found in any case (`ignoreCase`); no two may share a shape. */
  constructor(words: readonly string[], ignoreCase: boolean) {
    this.words = words.map((word) => new FixedWord(word, ignoreCase));
    this.shortest = Math.min(...words.map((w) => w.length));
    this.longest = Math.max(...words.map((w) => w.length));
    this.reads = (this.longest + 3) >> 2;
    this.keys = new Int32Array(words.length * this.reads);
    this.folds = new Int32Array(words.length * this.reads);
    this.byShape = new Uint8Array(shape(this.longest + 1, 0, 0));
    this.words.forEach((word, k) => {
      const at = shape(word.length, word.text.charCodeAt(0), word.text.charCodeAt(word.length - 1));
      if (this.byShape[at] !== 0) throw new Error(`"${words[(this.byShape[at] as number) - 1] ?? ''}" and "${word.text}" have one shape`);
      this.byShape[at] = k + 1;
      this.keys.set(word.keys, k * this.reads);
      this.folds.set(word.folds, k * this.reads);
    });
  }

  /** Index in the words of `units[from..to)`, letters compared in any case when the table was made so; -1 when it is none. */
  find(units: CodeUnits, from: number, to: number): number {
    const length = to - from;
    if (length < this.shortest || length > this.longest) return -1;
    const k = (this.byShape[shape(length, units[from] as number, units[to - 1] as number)] as number) - 1;
    if (k < 0) return -1;
    const view = readsViewFor(units, from, length);
    if (view === undefined) return (this.words[k] as FixedWord).equalsAt(units, from, to) ? k : -1;
    return readsMatch(view, from, to, this.keys, this.folds, k * this.reads) ? k : -1;
  }
}
