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

/**
 * Reads .vmx lines as VMware writes them (config-formats.md §4.1): `key = "value"`, `#` comment lines.
 * A `#` inside a quoted value is data; after the closing quote it starts a comment that VMware tolerates.
 */
export function parseVmx(source: SourceLines): VmxParse {
  const entries: VmxEntry[] = [];
  const syntax: VmxProblem[] = [];
  source.lines.forEach((text, line) => {
    let i = 0;
    while (i < text.length && (text[i] === ' ' || text[i] === '\t')) i++;
    if (i === text.length || text[i] === '#') return;
    const eq = text.indexOf('=', i);
    if (eq < 0) {
      syntax.push({ line, start: i, end: text.trimEnd().length, message: 'Not a `key = "value"` line.' });
      return;
    }
    const key = text.slice(i, eq).trimEnd();
    if (!keyPattern.test(key)) {
      syntax.push({ line, start: i, end: i + Math.max(key.length, 1), message: key === '' ? 'The line has no key before `=`.' : `\`${key}\` is not a .vmx key: keys are letters, digits, \`.\`, \`:\` and \`_\`.` });
      return;
    }
    let v = eq + 1;
    while (v < text.length && (text[v] === ' ' || text[v] === '\t')) v++;
    if (text[v] === '"') {
      const close = text.indexOf('"', v + 1);
      if (close < 0) {
        syntax.push({ line, start: v, end: text.length, message: 'The quoted value is not closed on this line.' });
        return;
      }
      const rest = text.slice(close + 1).trim();
      if (rest !== '' && !rest.startsWith('#')) {
        syntax.push({ line, start: close + 1, end: text.trimEnd().length, message: 'Unexpected text after the closing quote.' });
        return;
      }
      entries.push({ line, key, lowerKey: key.toLowerCase(), keyStart: i, keyEnd: i + key.length, value: text.slice(v + 1, close), valueStart: v + 1, rawStart: v, rawEnd: close + 1, quoted: true });
      return;
    }
    const value = text.slice(v).trimEnd();
    if (value === '') {
      syntax.push({ line, start: eq, end: eq + 1, message: `\`${key}\` has no value: write \`${key} = ""\` for an empty one.` });
      return;
    }
    entries.push({ line, key, lowerKey: key.toLowerCase(), keyStart: i, keyEnd: i + key.length, value, valueStart: v, rawStart: v, rawEnd: v + value.length, quoted: false });
  });
  return { entries, syntax };
}
