import { VmxEntryTable } from './vmxEntryTable';
import { keyStartState, keySymbol, nextKeyState, templateOfState } from './vmxKeyAutomaton';
import { vmxKeyHashSeed, vmxKeyHashStep } from './vmxKeyHash';

export interface VmxProblem {
  readonly line: number;
  readonly start: number;
  readonly end: number;
  readonly message: string;
}

export interface VmxParse {
  readonly entries: VmxEntryTable;
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
 * Reads the text line by line as VS Code cuts it (`\r\n`, `\n` or a lone `\r`), keeping offsets rather than
 * cutting line strings: most lines are read with one look at each character, and only a line that breaks a
 * rule is cut and trimmed to describe the problem.
 */
class VmxScanner {
  readonly entries: VmxEntryTable;
  readonly syntax: VmxProblem[] = [];
  /** The next `"` at or after the last search, or the text's length: found once each, however long the lines. */
  private nextQuote = -1;

  constructor(private readonly text: string) {
    this.entries = new VmxEntryTable(text);
  }

  scan(): void {
    const text = this.text;
    const length = text.length;
    let lf = -1;
    let cr = -1;
    for (let line = 0, start = 0; ; line++) {
      if (lf < start) lf = this.indexOrLength('\n', start);
      if (cr < start) cr = this.indexOrLength('\r', start);
      const end = lf < cr ? lf : cr;
      this.readLine(line, start, end);
      if (end === length) return;
      start = end + (text.charCodeAt(end) === CR && text.charCodeAt(end + 1) === LF ? 2 : 1);
    }
  }

  private indexOrLength(search: string, from: number): number {
    const at = this.text.indexOf(search, from);
    return at < 0 ? this.text.length : at;
  }

  private problem(line: number, lineStart: number, start: number, end: number, message: string): void {
    this.syntax.push({ line, start: start - lineStart, end: end - lineStart, message });
  }

  /** End of the line without its trailing white space (what `trimEnd` keeps). */
  private trimmedEnd(start: number, end: number): number {
    return start + this.text.slice(start, end).trimEnd().length;
  }

  /**
   * One line from `start` to `end` (its terminator): blank, `#` comment, or `key = "value"` (config-formats.md
   * §4.1). A `#` inside the quotes is data; after the closing quote it starts a comment that VMware tolerates.
   */
  private readLine(line: number, start: number, end: number): void {
    const text = this.text;
    let p = start;
    let c = text.charCodeAt(p);
    while (c === SPACE || c === TAB) c = text.charCodeAt(++p);
    if (p === end || c === HASH) return;

    // The key, hashed and run through the template automaton as it is read (vmxKeyAutomaton.ts), noting at its
    // first `.` the hash and the automaton's state so far: the device part of `ethernet0.present` or
    // `scsi0:1.fileName`, which tells the device kind and finds the device's other keys.
    const keyStart = p;
    let hash = vmxKeyHashSeed;
    let state = keyStartState;
    let deviceEnd = -1;
    let deviceHash = 0;
    let deviceState = 0;
    for (let symbol = keySymbol(c); symbol !== 0; symbol = keySymbol((c = text.charCodeAt(++p)))) {
      if (c === DOT && deviceEnd < 0) {
        deviceEnd = p;
        deviceHash = hash;
        deviceState = state;
      }
      hash = vmxKeyHashStep(hash, c);
      state = nextKeyState(state, symbol);
    }
    const keyEnd = p;

    while (c === SPACE || c === TAB) c = text.charCodeAt(++p);
    let eq = p;
    if (c !== EQUALS) {
      const at = text.slice(p, end).indexOf('=');
      if (at < 0) {
        this.problem(line, start, keyStart, this.trimmedEnd(start, end), 'Not a `key = "value"` line.');
        return;
      }
      eq = p + at;
    }
    // Only white space may stand between the key and `=` (any that `trimEnd` removes, not just blanks).
    if (keyEnd === keyStart || (eq > p && text.slice(keyEnd, eq).trim() !== '')) {
      const key = text.slice(keyStart, eq).trimEnd();
      this.problem(line, start, keyStart, keyStart + Math.max(key.length, 1), key === '' ? 'The line has no key before `=`.' : `\`${key}\` is not a .vmx key: keys are letters, digits, \`.\`, \`:\` and \`_\`.`);
      return;
    }

    let v = eq + 1;
    c = text.charCodeAt(v);
    while (c === SPACE || c === TAB) c = text.charCodeAt(++v);
    if (c === QUOTE) {
      if (this.nextQuote <= v) this.nextQuote = this.indexOrLength('"', v + 1);
      const close = this.nextQuote;
      if (close >= end) {
        this.problem(line, start, v, end, 'The quoted value is not closed on this line.');
        return;
      }
      if (close + 1 < end) {
        const rest = text.slice(close + 1, end).trim();
        if (rest !== '' && !rest.startsWith('#')) {
          this.problem(line, start, close + 1, this.trimmedEnd(start, end), 'Unexpected text after the closing quote.');
          return;
        }
      }
      this.entries.add(line, start, keyStart, keyEnd, v, close + 1, hash, templateOfState(state), deviceEnd, deviceHash, deviceState);
      return;
    }
    const valueEnd = this.trimmedEnd(v, end);
    if (valueEnd === v) {
      const key = text.slice(keyStart, keyEnd);
      this.problem(line, start, eq, eq + 1, `\`${key}\` has no value: write \`${key} = ""\` for an empty one.`);
      return;
    }
    this.entries.add(line, start, keyStart, keyEnd, v, valueEnd, hash, templateOfState(state), deviceEnd, deviceHash, deviceState);
  }
}

/** Reads a .vmx as VMware writes it (config-formats.md §4.1): `key = "value"` lines and `#` comment lines. */
export function parseVmx(text: string): VmxParse {
  const scanner = new VmxScanner(text);
  scanner.scan();
  return { entries: scanner.entries, syntax: scanner.syntax };
}
