import type { CodeUnits } from './codeUnits';

/**
 * Whether `units[from..to)` equals `word`, ASCII letters compared case-insensitively when `ignoreCase` (mdadm
 * compares keywords and tags with strncasecmp); `word` is given as its code units (lower case when compared
 * case-insensitively): reading those costs a fraction of `charCodeAt` on a string constant, and the analyzer
 * compares most words of a large file against several. Compares in place: slicing and lower-casing each word
 * cost more than the rest of the analyzer's work.
 */
export function regionEquals(units: CodeUnits, from: number, to: number, word: Uint16Array, ignoreCase: boolean): boolean {
  return to - from === word.length && regionStarts(units, from, to, word, ignoreCase);
}

/** Whether `units[from..to)` is a prefix of `word`, compared as {@link regionEquals} does. */
export function regionStarts(units: CodeUnits, from: number, to: number, word: Uint16Array, ignoreCase: boolean): boolean {
  if (to - from > word.length) return false;
  for (let i = from; i < to; i++) {
    let c = units[i] as number;
    if (ignoreCase && c >= 65 && c <= 90) c |= 0x20;
    if (c !== word[i - from]) return false;
  }
  return true;
}
