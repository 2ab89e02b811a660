import type { SourceLines } from '../sourceLines';

/** One `key = value` line of a .vmx file. */
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

export interface VmxProblem {
  readonly line: number;
  readonly start: number;
  readonly end: number;
  readonly message: string;
}

export interface VmxParse {
  readonly entries: readonly VmxEntry[];
  readonly syntax: readonly VmxProblem[];
}

const keyPattern = /^[A-Za-z0-9._:-]+$/;
const HASH = 0x23;
const QUOTE = 0x22;

function isBlank(c: number): boolean {
  return c === 0x20 || c === 0x09;
}

/**
 * Reads .vmx lines as VMware writes them (config-formats.md §4.1): `key = "value"`, `#` comment lines.
 * A `#` inside a quoted value is data; after the closing quote it starts a comment that VMware tolerates.
 */
export function parseVmx(source: SourceLines): VmxParse {
  const entries: VmxEntry[] = [];
  const syntax: VmxProblem[] = [];
  const lines = source.lines;
  for (let line = 0; line < lines.length; line++) {
    const text = lines[line] as string;
    let i = 0;
    while (i < text.length && isBlank(text.charCodeAt(i))) i++;
    if (i === text.length || text.charCodeAt(i) === HASH) continue;
    const eq = text.indexOf('=', i);
    if (eq < 0) {
      syntax.push({ line, start: i, end: text.trimEnd().length, message: 'Not a `key = "value"` line.' });
      continue;
    }
    const key = text.slice(i, eq).trimEnd();
    if (!keyPattern.test(key)) {
      syntax.push({ line, start: i, end: i + Math.max(key.length, 1), message: key === '' ? 'The line has no key before `=`.' : `\`${key}\` is not a .vmx key: keys are letters, digits, \`.\`, \`:\` and \`_\`.` });
      continue;
    }
    let v = eq + 1;
    while (v < text.length && isBlank(text.charCodeAt(v))) v++;
    if (text.charCodeAt(v) === QUOTE) {
      const close = text.indexOf('"', v + 1);
      if (close < 0) {
        syntax.push({ line, start: v, end: text.length, message: 'The quoted value is not closed on this line.' });
        continue;
      }
      // Most lines end at the closing quote: no need to cut and trim an empty rest.
      const rest = close + 1 < text.length ? text.slice(close + 1).trim() : '';
      if (rest !== '' && !rest.startsWith('#')) {
        syntax.push({ line, start: close + 1, end: text.trimEnd().length, message: 'Unexpected text after the closing quote.' });
        continue;
      }
      entries.push({ line, key, lowerKey: key.toLowerCase(), keyStart: i, keyEnd: i + key.length, value: text.slice(v + 1, close), valueStart: v + 1, rawStart: v, rawEnd: close + 1, quoted: true });
      continue;
    }
    const value = text.slice(v).trimEnd();
    if (value === '') {
      syntax.push({ line, start: eq, end: eq + 1, message: `\`${key}\` has no value: write \`${key} = ""\` for an empty one.` });
      continue;
    }
    entries.push({ line, key, lowerKey: key.toLowerCase(), keyStart: i, keyEnd: i + key.length, value, valueStart: v, rawStart: v, rawEnd: v + value.length, quoted: false });
  }
  return { entries, syntax };
}
