/**
 * Whether `text.slice(from, to)` equals `word`, ASCII letters compared case-insensitively when `ignoreCase`
 * (mdadm compares keywords and tags with strncasecmp). Compares in place: the analyzer asks this of most
 * words of a large file, where slicing and lower-casing each one cost more than the rest of its work.
 */
export function regionEquals(text: string, from: number, to: number, word: string, ignoreCase: boolean): boolean {
  return to - from === word.length && regionStarts(text, from, to, word, ignoreCase);
}

/** Whether `text.slice(from, to)` is a prefix of `word`, compared as {@link regionEquals} does. */
export function regionStarts(text: string, from: number, to: number, word: string, ignoreCase: boolean): boolean {
  if (to - from > word.length) return false;
  for (let i = from; i < to; i++) {
    let c = text.charCodeAt(i);
    if (ignoreCase && c >= 65 && c <= 90) c |= 0x20;
    if (c !== word.charCodeAt(i - from)) return false;
  }
  return true;
}
