import type { CodeUnits } from '../codeUnits';
import { lowBytes } from '../fourBytes';

/** Words are ASCII, chained by their first code unit. */
const ASCII = 128;

/** The fields of a word's record. */
const LENGTH = 0;
const NEXT = 1;
const HEAD = 2;
const TAIL = 3;
const RECORD = 4;

/**
 * A fixed set of words found by the code units that spell them, in place: one probe of a small open-addressing
 * table keyed on the length and the first and last units, then one comparison against the word's code units,
 * kept in a typed array. Comparing against each word in turn was most of the disk spec check of a large
 * config (four items a spec, fifteen parameter names). A word followed by a known unit (`format=`, `rw,`) is
 * found from its first unit instead, and compared in up to two 32-bit reads when the text is ASCII.
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
   * The words by their first code unit, for {@link findBefore} and {@link findRead}: index + 1 of the first word
   * starting with each ASCII unit (0: none); the next ones are chained in {@link records}.
   */
  private readonly firstOf = new Int16Array(ASCII);
  /**
   * Four numbers a word, for {@link findBefore} and {@link findRead}, so that a candidate costs few loads: its
   * length, index + 1 of the next word with the same first unit (0 ends a chain), and its first and last 4
   * bytes as a little-endian 32-bit read of an ASCII text gives them (a word shorter than 4: its bytes alone).
   */
  private readonly records: Int32Array;

  constructor(words: readonly string[]) {
    let size = 16;
    while (size < words.length * 4) size *= 2;
    this.slots = new Int16Array(size);
    this.mask = size - 1;
    this.units = new Uint16Array(words.reduce((n, w) => n + w.length, 0));
    this.starts = new Int32Array(words.length);
    this.ends = new Int32Array(words.length);
    this.records = new Int32Array(words.length * RECORD);
    let at = 0;
    words.forEach((word, w) => {
      for (let i = 0; i < word.length; i++) if (word.charCodeAt(i) >= ASCII) throw new Error(`not an ASCII word: ${word}`);
      this.starts[w] = at;
      for (let i = 0; i < word.length; i++) this.units[at++] = word.charCodeAt(i);
      this.ends[w] = at;
      let h = this.slotOf(word.length, word.charCodeAt(0), word.charCodeAt(word.length - 1));
      while (this.slots[h] !== 0) h = (h + 1) & this.mask;
      this.slots[h] = w + 1;
      const read = (from: number): number => {
        let bits = 0;
        for (let i = 3; i >= 0; i--) bits = (bits << 8) | (from + i < word.length ? word.charCodeAt(from + i) : 0);
        return bits;
      };
      this.records[w * RECORD + LENGTH] = word.length;
      this.records[w * RECORD + HEAD] = read(0);
      this.records[w * RECORD + TAIL] = read(Math.max(0, word.length - 4));
    });
    for (let w = words.length - 1; w >= 0; w--) {
      const first = (words[w] as string).charCodeAt(0);
      if (first >= ASCII) continue;
      this.records[w * RECORD + NEXT] = this.firstOf[first] as number;
      this.firstOf[first] = w + 1;
    }
  }

  private slotOf(length: number, first: number, last: number): number {
    return (Math.imul(length, 31) + Math.imul(first, 7) + last) & this.mask;
  }

  /** The length of word `w`. */
  lengthOf(w: number): number {
    return (this.ends[w] as number) - (this.starts[w] as number);
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
   * Index of the word spelled by the `length` code units at `at`, or -1, like {@link find}; when the text is
   * ASCII (`view` reads its bytes), a word of up to 4 bytes is found by one 32-bit read of them, compared with
   * the words' first reads (a value that a rule compares is usually short: `rw`, `raw`).
   */
  findRead(codes: CodeUnits, view: DataView | undefined, at: number, length: number): number {
    if (view === undefined || length <= 0 || length > 4 || at + 4 > codes.length) return this.find(codes, at, length);
    const bits = view.getInt32(at, true) & lowBytes(length);
    const records = this.records;
    for (let r = 0; r < records.length; r += RECORD) if (records[r + HEAD] === bits && records[r + LENGTH] === length) return r / RECORD;
    return -1;
  }

  /**
   * Index of the word spelled by the code units at `at` and followed by the unit `stop`, all before `limit`,
   * or -1: a `key=` is recognized in one reading of its units, without first looking for where it ends.
   * `view`, when given, reads the same bytes as `codes` (an ASCII text's): a word of up to 8 bytes is then
   * compared in two reads, one of its first and one of its last 4 bytes (one read when shorter than 4).
   */
  findBefore(codes: CodeUnits, view: DataView | undefined, at: number, limit: number, stop: number): number {
    const first = at < limit ? (codes[at] as number) : ASCII;
    if (first >= ASCII) return -1;
    const records = this.records;
    for (let w = (this.firstOf[first] as number) - 1; w >= 0; w = (records[w * RECORD + NEXT] as number) - 1) {
      const length = records[w * RECORD + LENGTH] as number;
      const after = at + length;
      if (after >= limit || codes[after] !== stop) continue;
      if (view === undefined || length > 8 || at + 4 > codes.length) {
        if (this.unitsAt(codes, at, w, length)) return w;
      } else if (length < 4) {
        if ((view.getInt32(at, true) & lowBytes(length)) === records[w * RECORD + HEAD]) return w;
      } else if (view.getInt32(at, true) === records[w * RECORD + HEAD] && view.getInt32(after - 4, true) === records[w * RECORD + TAIL]) return w;
    }
    return -1;
  }

  /** Whether the `length` units of word `w` are those at `at`, the first aside (already compared). */
  private unitsAt(codes: CodeUnits, at: number, w: number, length: number): boolean {
    const units = this.units;
    const start = this.starts[w] as number;
    let i = 1;
    while (i < length && units[start + i] === codes[at + i]) i++;
    return i === length;
  }
}

/** Whether the code units at `at` spell `word`. */
export function spells(codes: CodeUnits, at: number, word: string): boolean {
  for (let i = 0; i < word.length; i++) if (word.charCodeAt(i) !== codes[at + i]) return false;
  return true;
}
