import type { CodeUnits } from '../codeUnits';

/** Words are chained by their first code unit when it is ASCII; the others are only found by a probe. */
const ASCII = 128;

/**
 * A fixed set of words found by the code units that spell them, in place: one probe of a small open-addressing
 * table keyed on the length and the first and last units, then one comparison against the word's code units,
 * kept in a typed array. Comparing against each word in turn was most of the disk spec check of a large
 * config (four items a spec, fifteen parameter names).
 */
export class XlWordTable {
  /** Index of the word + 1 in each slot, 0 for an empty slot. */
  private readonly slots: Int16Array;
  private readonly mask: number;
  /** The code units of all words one after the other, and where each word starts and ends among them. */
  private readonly units: Uint16Array;
  private readonly starts: Int32Array;
  private readonly ends: Int32Array;
  /**
   * The words by their first code unit, for {@link findBefore}: index + 1 of the first word starting with each
   * ASCII unit, then of the next word with the same first unit after each word (0 ends a chain).
   */
  private readonly firstOf = new Int16Array(ASCII);
  private readonly nextSameFirst: Int16Array;

  constructor(words: readonly string[]) {
    let size = 16;
    while (size < words.length * 4) size *= 2;
    this.slots = new Int16Array(size);
    this.mask = size - 1;
    this.units = new Uint16Array(words.reduce((n, w) => n + w.length, 0));
    this.starts = new Int32Array(words.length);
    this.ends = new Int32Array(words.length);
    this.nextSameFirst = new Int16Array(words.length);
    let at = 0;
    words.forEach((word, w) => {
      this.starts[w] = at;
      for (let i = 0; i < word.length; i++) this.units[at++] = word.charCodeAt(i);
      this.ends[w] = at;
      let h = this.slotOf(word.length, word.charCodeAt(0), word.charCodeAt(word.length - 1));
      while (this.slots[h] !== 0) h = (h + 1) & this.mask;
      this.slots[h] = w + 1;
    });
    for (let w = words.length - 1; w >= 0; w--) {
      const first = (words[w] as string).charCodeAt(0);
      if (first >= ASCII) continue;
      this.nextSameFirst[w] = this.firstOf[first] as number;
      this.firstOf[first] = w + 1;
    }
  }

  private slotOf(length: number, first: number, last: number): number {
    return (Math.imul(length, 31) + Math.imul(first, 7) + last) & this.mask;
  }

  /** Index of the word spelled by the `length` code units at `at`, or -1. */
  find(codes: CodeUnits, at: number, length: number): number {
    if (length <= 0) return -1;
    const units = this.units;
    for (let h = this.slotOf(length, codes[at] as number, codes[at + length - 1] as number); ; h = (h + 1) & this.mask) {
      const w = (this.slots[h] as number) - 1;
      if (w < 0) return -1;
      const start = this.starts[w] as number;
      if ((this.ends[w] as number) - start !== length) continue;
      let i = 0;
      while (i < length && units[start + i] === codes[at + i]) i++;
      if (i === length) return w;
    }
  }

  /**
   * Index of the word spelled by the code units at `at` and followed by the unit `stop`, all before `limit`,
   * or -1: a `key=` is recognized in one reading of its units, without first looking for where it ends.
   */
  findBefore(codes: CodeUnits, at: number, limit: number, stop: number): number {
    const first = at < limit ? (codes[at] as number) : ASCII;
    if (first >= ASCII) return -1;
    const units = this.units;
    for (let w = (this.firstOf[first] as number) - 1; w >= 0; w = (this.nextSameFirst[w] as number) - 1) {
      const start = this.starts[w] as number;
      const length = (this.ends[w] as number) - start;
      if (at + length >= limit || codes[at + length] !== stop) continue;
      let i = 1;
      while (i < length && units[start + i] === codes[at + i]) i++;
      if (i === length) return w;
    }
    return -1;
  }
}

/** Whether the code units at `at` spell `word`. */
export function spells(codes: CodeUnits, at: number, word: string): boolean {
  for (let i = 0; i < word.length; i++) if (word.charCodeAt(i) !== codes[at + i]) return false;
  return true;
}
