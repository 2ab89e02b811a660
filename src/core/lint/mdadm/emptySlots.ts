/** The slots of an open-addressing table, all empty (0), and the mask that keeps a slot index in them. */
export interface EmptySlots {
  readonly slots: Int32Array<ArrayBuffer>;
  readonly mask: number;
}

/**
 * Empty slots for `expected` keys, kept at most half full (a power of two, 256 at least): `slots` itself,
 * cleared only as far as the new table needs, when it is long enough, since reusing a table of a few hundred
 * KB from one file to the next costs less in page faults and cache misses than a fresh one; otherwise a new
 * array.
 */
export function emptySlots(slots: Int32Array<ArrayBuffer>, expected: number): EmptySlots {
  let size = 256;
  while (size < 2 * expected) size *= 2;
  if (slots.length < size) return { slots: new Int32Array(size), mask: size - 1 };
  slots.fill(0, 0, size);
  return { slots, mask: size - 1 };
}
