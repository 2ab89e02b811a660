/** `array`, or a copy twice as long (or long enough) when it has fewer than `length` entries. */
export function growInt32Array(array: Int32Array<ArrayBuffer>, length: number): Int32Array<ArrayBuffer> {
  if (length <= array.length) return array;
  const grown = new Int32Array(Math.max(length, array.length * 2));
  grown.set(array);
  return grown;
}
