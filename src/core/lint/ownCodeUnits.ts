/**
 * The UTF-16 code units of `text` in an array of their own, for a short string (a name a caller hands in)
 * checked by a function that reads code units: unlike `codeUnits`, it never touches the buffer an
 * analyzer may be reading at that moment.
 */
export function ownCodeUnits(text: string): Uint16Array {
  const units = new Uint16Array(text.length);
  for (let i = 0; i < text.length; i++) units[i] = text.charCodeAt(i);
  return units;
}
