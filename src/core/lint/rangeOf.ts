import type { Fix, Range } from './finding';

/** A range on one line (or from `line` to `endLine`), 0-based. */
export function rangeOf(line: number, start: number, end: number, endLine = line): Range {
  return { start: { line, character: start }, end: { line: endLine, character: end } };
}

/** A fix that replaces one range. */
export function replaceFix(title: string, range: Range, newText: string, preferred = false): Fix {
  return preferred ? { title, edits: [{ range, newText }], preferred } : { title, edits: [{ range, newText }] };
}
