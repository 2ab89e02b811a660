import type { CodeUnits } from '../codeUnits';

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

  constructor(words: readonly string[]) {
    let size = 16;
    while (size < words.length * 4) size *= 2;
    this.slots = new Int16Array(size);
    this.mask = size - 1;
    this.units = new Uint16Array(words.reduce((n, w) => n + w.length, 0));
    this.starts = new Int32Array(words.length);
    this.ends = new Int32Array(words.length);
    let at = 0;
    words.forEach((word, w) => {
      this.starts[w] = at;
      for (let i = 0; i < word.length; i++) this.units[at++] = word.charCodeAt(i);
      this.ends[w] = at;
      let h = this.slotOf(word.length, word.charCodeAt(0), word.charCodeAt(word.length - 1));
      while (this.slots[h] !== 0) h = (h + 1) & this.mask;
      this.slots[h] = w + 1;
    });
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
}

/** Whether the code units at `at` spell `word`. */
export function spells(codes: CodeUnits, at: number, word: string): boolean {
  for (let i = 0; i < word.length; i++) if (word.charCodeAt(i) !== codes[at + i]) return false;
  return true;
}
