import { codeUnits, type CodeUnits } from '../codeUnits';
import { LineStarts } from '../lineStarts';
import { VmxEntryTable } from './vmxEntryTable';
import { KEY_END, keyStartState, keyTransitions, templateOfState } from './vmxKeyAutomaton';
import { vmxKeyHashPrime, vmxKeyHashSeed } from './vmxKeyHash';
import { VmxKeyIndex } from './vmxKeyIndex';
import { giveBackVmxParseArrays, type VmxParseArrays } from './vmxParseArrays';

export interface VmxProblem {
  readonly line: number;
  readonly start: number;
  readonly end: number;
  readonly message: string;
}

export interface VmxParse {
  readonly entries: VmxEntryTable;
  /** The first entry of each key, built as the entries were read. */
  readonly index: VmxKeyIndex;
  readonly lines: LineStarts;
  readonly syntax: readonly VmxProblem[];
}

const TAB = 0x09;
const LF = 0x0a;
const CR = 0x0d;
const SPACE = 0x20;
const QUOTE = 0x22;
const HASH = 0x23;
const DOT = 0x2e;
const EQUALS = 0x3d;

/**
 * Reads the text's code units once, from the first to the last, finding the lines as VS Code cuts them
 * (`\r\n`, `\n` or a lone `\r`) on the way and keeping offsets rather than cutting line strings: a line in the
 * usual shape is read with one look at each character, and only a line that breaks a rule is cut and trimmed
 * to describe the problem. Past the end of the text reads as a line end, so the last line ends like the others.
 */
class VmxScanner {
  readonly lines: LineStarts;
  readonly entries: VmxEntryTable;
  readonly index: VmxKeyIndex;
  readonly syntax: VmxProblem[] = [];
  private readonly units: CodeUnits;
  private readonly length: number;

  constructor(
    private readonly text: string,
    spare: VmxParseArrays,
  ) {
    this.units = codeUnits(text);
    this.length = text.length;
    this.lines = new LineStarts(text, spare.lineStarts);
    this.entries = new VmxEntryTable(text, this.lines, this.units, spare);
    // An entry takes three characters at least (`k=v`): fewer entries than half the length, a bound for the index.
    this.index = new VmxKeyIndex(this.entries, text.length >> 5, (text.length >> 1) + 1, spare);
  }

  scan(): void {
    const units = this.units;
    const length = units.length;
    for (let line = 0, start = 0; ; line++) {
      this.lines.add(start);
      const end = this.readLine(line, start);
      if (end >= length) return;
      start = end + (units[end] === CR && units[end + 1] === LF ? 2 : 1);
    }
  }

  /** The code unit at `at`, or LF past the end. */
  private unitAt(at: number): number {
    return at < this.length ? (this.units[at] as number) : LF;
  }

  /** Offset of the line end (its terminator, or the text's length) at or after `from`. */
  private lineEnd(from: number): number {
    const units = this.units;
    const length = units.length;
    let at = from;
    while (at < length && units[at] !== LF && units[at] !== CR) at++;
    return at;
  }

  private problem(line: number, lineStart: number, start: number, end: number, message: string): void {
    this.syntax.push({ line, start: start - lineStart, end: end - lineStart, message });
  }

  /** End of the line without its trailing white space (what `trimEnd` keeps). */
  private trimmedEnd(start: number, end: number): number {
    return start + this.text.slice(start, end).trimEnd().length;
  }

  /**
   * One line from `start`: blank, `#` comment, or `key = "value"` (config-formats.md §4.1). A `#` inside the
   * quotes is data; after the closing quote it starts a comment that VMware tolerates. Returns the line's end.
   */
  private readLine(line: number, start: number): number {
    const units = this.units;
    const length = units.length;
    let p = start;
    let c = p < length ? (units[p] as number) : LF;
    while (c === SPACE || c === TAB) c = ++p < length ? (units[p] as number) : LF;
    if (c === LF || c === CR) return p;
    if (c === HASH) return this.lineEnd(p);

    // The key, hashed and run through the template automaton as it is read (vmxKeyAutomaton.ts), noting at its
    // first `.` the hash and the automaton's state so far: the device part of `ethernet0.present` or
    // `scsi0:1.fileName`, which tells the device kind and finds the device's other keys.
    const keyStart = p;
    // Module values read into locals: the optimizing compiler reloads (and re-checks) an import on every step.
    const transitions = keyTransitions;
    const prime = vmxKeyHashPrime;
    const notKey = KEY_END;
    let hash = vmxKeyHashSeed;
    let state = keyStartState;
    let deviceEnd = -1;
    let deviceHash = 0;
    let deviceState = 0;
    // The automaton's step and vmxKeyHashStep written out: these loops run once per key character, and until the
    // optimizing compiler inlines calls (the first lints of a session) a call costs more than the step itself.
    // The first loop reads up to the first `.`; the second, after it, has no `.` to look for.
    let next = c < 128 ? (transitions[state | c] as number) : notKey;
    while (next !== notKey && c !== DOT) {
      hash = Math.imul(hash ^ (c | 0x20), prime);
      state = next;
      c = ++p < length ? (units[p] as number) : LF;
      next = c < 128 ? (transitions[state | c] as number) : notKey;
    }
    if (c === DOT) {
      deviceEnd = p;
      deviceHash = hash;
      deviceState = state;
      while (next !== notKey) {
        hash = Math.imul(hash ^ (c | 0x20), prime);
        state = next;
        c = ++p < length ? (units[p] as number) : LF;
        next = c < 128 ? (transitions[state | c] as number) : notKey;
      }
    }
    const keyEnd = p;

    while (c === SPACE || c === TAB) c = ++p < length ? (units[p] as number) : LF;
    let eq = p;
    if (c !== EQUALS || keyEnd === keyStart) {
      eq = this.oddKey(line, start, keyStart, keyEnd, p);
      if (eq < 0) return this.lineEnd(p);
    }

    let v = eq + 1;
    c = this.unitAt(v);
    while (c === SPACE || c === TAB) c = ++v < length ? (units[v] as number) : LF;
    if (c !== QUOTE) {
      const end = this.lineEnd(v);
      const valueEnd = this.trimmedEnd(v, end);
      if (valueEnd === v) {
        const key = this.text.slice(keyStart, keyEnd);
        this.problem(line, start, eq, eq + 1, `\`${key}\` has no value: write \`${key} = ""\` for an empty one.`);
      } else {
        this.add(line, keyStart, keyEnd, v, valueEnd, hash, state, deviceEnd, deviceHash, deviceState);
      }
      return end;
    }

    let close = v + 1;
    c = this.unitAt(close);
    while (c !== QUOTE && c !== LF && c !== CR) c = ++close < length ? (units[close] as number) : LF;
    if (c !== QUOTE) {
      this.problem(line, start, v, close, 'The quoted value is not closed on this line.');
      return close;
    }
    // After the closing quote: blanks, then the line end or a comment; anything else is checked as written.
    let q = close + 1;
    c = this.unitAt(q);
    while (c === SPACE || c === TAB) c = ++q < length ? (units[q] as number) : LF;
    if (c !== LF && c !== CR) {
      const end = this.lineEnd(q);
      const rest = this.text.slice(close + 1, end).trim();
      if (rest !== '' && !rest.startsWith('#')) {
        this.problem(line, start, close + 1, this.trimmedEnd(start, end), 'Unexpected text after the closing quote.');
        return end;
      }
      q = end;
    }
    this.add(line, keyStart, keyEnd, v, close + 1, hash, state, deviceEnd, deviceHash, deviceState);
    return q;
  }

  /**
   * A key not followed by `=` (after blanks), or no key: finds the `=` further on the line, or reports the line.
   * Returns the `=`'s offset, or -1 once the problem is reported.
   */
  private oddKey(line: number, start: number, keyStart: number, keyEnd: number, p: number): number {
    const text = this.text;
    const end = this.lineEnd(p);
    const at = text.slice(p, end).indexOf('=');
    if (at < 0) {
      this.problem(line, start, keyStart, this.trimmedEnd(start, end), 'Not a `key = "value"` line.');
      return -1;
    }
    const eq = p + at;
    // Only white space may stand between the key and `=` (any that `trimEnd` removes, not just blanks).
    if (keyEnd === keyStart || (eq > p && text.slice(keyEnd, eq).trim() !== '')) {
      const key = text.slice(keyStart, eq).trimEnd();
      this.problem(line, start, keyStart, keyStart + Math.max(key.length, 1), key === '' ? 'The line has no key before `=`.' : `\`${key}\` is not a .vmx key: keys are letters, digits, \`.\`, \`:\` and \`_\`.`);
      return -1;
    }
    return eq;
  }

  private add(line: number, keyStart: number, keyEnd: number, rawStart: number, rawEnd: number, hash: number, state: number, deviceEnd: number, deviceHash: number, deviceState: number): void {
    this.index.add(this.entries.add(line, keyStart, keyEnd, rawStart, rawEnd, hash, templateOfState(state), deviceEnd, deviceHash, deviceState), hash);
  }
}

/**
 * Reads a .vmx as VMware writes it (config-formats.md §4.1): `key = "value"` lines and `#` comment lines. The
 * tables are built in `spare` arrays (vmxParseArrays.ts) when given, else in new ones.
 */
export function parseVmx(text: string, spare: VmxParseArrays = {}): VmxParse {
  const scanner = new VmxScanner(text, spare);
  scanner.scan();
  return { entries: scanner.entries, index: scanner.index, lines: scanner.lines, syntax: scanner.syntax };
}

/** Keeps the arrays of a parse that will not be read again for the next one (see vmxParseArrays.ts). */
export function giveBackVmxParse(parsed: VmxParse): void {
  const arrays: VmxParseArrays = {};
  parsed.entries.giveBack(arrays);
  parsed.index.giveBack(arrays);
  arrays.lineStarts = parsed.lines.array;
  giveBackVmxParseArrays(arrays);
}
