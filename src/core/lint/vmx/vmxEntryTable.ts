import { codeUnits, codeUnitsConversions, type CodeUnits } from '../codeUnits';
import type { LineStarts } from '../lineStarts';
import { int32ArrayOf, type VmxParseArrays } from './vmxParseArrays';

/** One `key = value` line of a .vmx file, as an object: what hover, the outline and the fixes work with. */
export interface VmxEntry {
  readonly line: number;
  /** The key as written, and lower-cased for lookups (VMware compares keys case-insensitively). */
  readonly key: string;
  readonly lowerKey: string;
  readonly keyStart: number;
  readonly keyEnd: number;
  /** The value with `|XX` escapes left as written, without the quotes. */
  readonly value: string;
  readonly valueStart: number;
  /** Range of the value as written, quotes included. */
  readonly rawStart: number;
  readonly rawEnd: number;
  readonly quoted: boolean;
}

// The numbers kept per entry, one row each. Offsets are into the whole text, so no line strings are cut.
const LINE = 0;
const KEY_START = 1;
const KEY_END = 2;
const RAW_START = 3;
const RAW_END = 4;
const KEY_HASH = 5;
const TEMPLATE = 6;
const DEVICE_END = 7;
const DEVICE_HASH = 8;
const DEVICE_STATE = 9;
const FIELDS = 10;

const QUOTE = 0x22;

/** Lower case of an ASCII letter; other characters unchanged (so not all of `toLowerCase`: see `valueIs`). */
function asciiLower(c: number): number {
  return c >= 0x41 && c <= 0x5a ? c | 0x20 : c;
}

/**
 * The entries of a .vmx as rows of numbers rather than objects: a 10,000-line file is linted without making a
 * string or an object per line. Entries are numbered in file order; {@link entry} makes the object form of one.
 *
 * Per entry: its line, the offsets of its key and value, the key's hash (vmxKeyHash.ts), its template in vmxKeys.ts
 * and where its first `.` is, with the hash and the state of the template automaton (vmxKeyAutomaton.ts) there:
 * for a device key (`ethernet0.present`, `scsi0:1.fileName`) the end of its device part and its device kind.
 */
export class VmxEntryTable {
  private rows: Int32Array;
  count = 0;
  /** The text's code units, which the rules compare keys and values on: far cheaper to read than the string. */
  private units: CodeUnits;
  /** The `codeUnitsConversions()` when `units` were made: they are valid while it has not moved. */
  private conversion: number;

  constructor(
    readonly text: string,
    /** Where the text's lines start, for the entries' columns. */
    private readonly lines: LineStarts,
    units: CodeUnits,
    spare: VmxParseArrays,
  ) {
    this.units = units;
    this.conversion = codeUnitsConversions();
    // Sized for one entry per 32 characters, which .vmx lines rarely undercut: growing (allocating and copying
    // the rows again) cost as much as reading the file. Rows are written before they are read: spare ones serve.
    this.rows = int32ArrayOf(spare.rows, Math.max(64, text.length >> 5) * FIELDS);
  }

  /** Hands the rows over for another parse: this table is not read again. */
  giveBack(arrays: VmxParseArrays): void {
    arrays.rows = this.rows;
  }

  /** Adds the next entry, numbered in file order: returns its number. */
  add(line: number, keyStart: number, keyEnd: number, rawStart: number, rawEnd: number, keyHash: number, template: number, deviceEnd: number, deviceHash: number, deviceState: number): number {
    let row = this.count * FIELDS;
    if (row === this.rows.length) {
      const grown = new Int32Array(this.rows.length * 2);
      grown.set(this.rows);
      this.rows = grown;
    }
    const rows = this.rows;
    rows[row++] = line;
    rows[row++] = keyStart;
    rows[row++] = keyEnd;
    rows[row++] = rawStart;
    rows[row++] = rawEnd;
    rows[row++] = keyHash;
    rows[row++] = template;
    rows[row++] = deviceEnd;
    rows[row++] = deviceHash;
    rows[row] = deviceState;
    return this.count++;
  }

  /** The code units, converted again if another text was converted since (codeUnits reuses its buffer). */
  private chars(): CodeUnits {
    if (this.conversion !== codeUnitsConversions()) {
      this.units = codeUnits(this.text);
      this.conversion = codeUnitsConversions();
    }
    return this.units;
  }

  private field(index: number, field: number): number {
    return this.rows[index * FIELDS + field] as number;
  }

  line(index: number): number {
    return this.field(index, LINE);
  }

  keyStart(index: number): number {
    return this.field(index, KEY_START);
  }

  keyEnd(index: number): number {
    return this.field(index, KEY_END);
  }

  /** Start of the value as written: its opening quote when quoted. */
  rawStart(index: number): number {
    return this.field(index, RAW_START);
  }

  rawEnd(index: number): number {
    return this.field(index, RAW_END);
  }

  keyHash(index: number): number {
    return this.field(index, KEY_HASH);
  }

  /** Index in `vmxKeys` of the key's template (`ethernet#.present` for `Ethernet0.present`), or -1. */
  template(index: number): number {
    return this.field(index, TEMPLATE);
  }

  /** Offset of the key's first `.`, which ends the device part of a device key (`ethernet0`, `scsi0:1`), or -1. */
  deviceEnd(index: number): number {
    return this.field(index, DEVICE_END);
  }

  deviceHash(index: number): number {
    return this.field(index, DEVICE_HASH);
  }

  /** The template automaton's state after the device part: compare with `deviceState('ethernet#')`. */
  deviceState(index: number): number {
    return this.field(index, DEVICE_STATE);
  }

  quoted(index: number): boolean {
    return this.chars()[this.rawStart(index)] === QUOTE;
  }

  valueStart(index: number): number {
    return this.rawStart(index) + (this.quoted(index) ? 1 : 0);
  }

  valueEnd(index: number): number {
    return this.rawEnd(index) - (this.quoted(index) ? 1 : 0);
  }

  key(index: number): string {
    return this.text.slice(this.keyStart(index), this.keyEnd(index));
  }

  value(index: number): string {
    return this.text.slice(this.valueStart(index), this.valueEnd(index));
  }

  /** Whether `value.toLowerCase() === word`, for a lower-case ASCII `word`, without making the value string. */
  valueIs(index: number, word: string): boolean {
    const units = this.chars();
    let start = this.rawStart(index);
    let end = this.rawEnd(index);
    if (units[start] === QUOTE) {
      start++;
      end--;
    }
    if (end - start !== word.length) return false;
    for (let i = 0; i < word.length; i++) {
      const c = units[start + i] as number;
      // Beyond ASCII, toLowerCase can map a character to an ASCII one (the Kelvin sign to `k`): ask it.
      if (c >= 0x80) return this.value(index).toLowerCase() === word;
      if (asciiLower(c) !== word.charCodeAt(i)) return false;
    }
    return true;
  }

  /**
   * The index in `words` (distinct lower-case ASCII words) of the one the value is (see {@link valueIs}), or -1:
   * the value's bounds read once, and only the words of its length compared.
   */
  valueWord(index: number, words: readonly string[]): number {
    const start = this.rawStart(index);
    const length = this.rawEnd(index) - start - (this.chars()[start] === QUOTE ? 2 : 0);
    for (let w = 0; w < words.length; w++) {
      const word = words[w] as string;
      if (word.length === length && this.valueIs(index, word)) return w;
    }
    return -1;
  }

  /**
   * Whether the device parts (`ethernet0` of `ethernet0.present`) of two device keys are the same, in any case;
   * their first `known` characters are already known to be (`ethernet` of two adapters' keys).
   */
  sameDevice(index: number, other: number, known = 0): boolean {
    const start = this.keyStart(index);
    const otherStart = this.keyStart(other);
    const length = this.deviceEnd(index) - start;
    if (this.deviceHash(index) !== this.deviceHash(other) || this.deviceEnd(other) - otherStart !== length) return false;
    const units = this.chars();
    for (let i = known; i < length; i++) {
      if (((units[start + i] as number) | 0x20) !== ((units[otherStart + i] as number) | 0x20)) return false;
    }
    return true;
  }

  /**
   * Whether the first `length` characters of the key (all of it by default) are, case-insensitively, the text
   * from `from` to `to` followed by `suffix`: a key from the rules with `from === to`, or another entry's device
   * part followed by a key of that device.
   */
  keyEquals(index: number, from: number, to: number, suffix: string, length = this.keyEnd(index) - this.keyStart(index)): boolean {
    const units = this.chars();
    let at = this.keyStart(index);
    if (length !== to - from + suffix.length) return false;
    for (let i = from; i < to; i++, at++) {
      if (((units[at] as number) | 0x20) !== ((units[i] as number) | 0x20)) return false;
    }
    for (let i = 0; i < suffix.length; i++, at++) {
      if (((units[at] as number) | 0x20) !== (suffix.charCodeAt(i) | 0x20)) return false;
    }
    return true;
  }

  entry(index: number): VmxEntry {
    const key = this.key(index);
    const lineStart = this.lines.start(this.line(index));
    return {
      line: this.line(index),
      key,
      lowerKey: key.toLowerCase(),
      keyStart: this.keyStart(index) - lineStart,
      keyEnd: this.keyEnd(index) - lineStart,
      value: this.value(index),
      valueStart: this.valueStart(index) - lineStart,
      rawStart: this.rawStart(index) - lineStart,
      rawEnd: this.rawEnd(index) - lineStart,
      quoted: this.quoted(index),
    };
  }

  /** Every entry as an object, for callers that read them all (the outline). */
  entries(): VmxEntry[] {
    return Array.from({ length: this.count }, (_, i) => this.entry(i));
  }
}
