/**
 * A 32-bit FNV-1a hash of a .vmx key, case-insensitive, fed one character at a time: the parser hashes each key
 * as it reads it, so finding repeats and known keys needs no key strings. Equal hashes are only candidates: callers
 * compare the characters before they trust a match.
 *
 * Case folding is `c | 0x20`: on key characters (letters, digits, `.`, `:`, `_`, `-`) it lower-cases letters
 * and keeps the others distinct from each other.
 */
export const vmxKeyHashSeed = 0x811c9dc5 | 0;
export const vmxKeyHashPrime = 0x01000193;

export function vmxKeyHashStep(hash: number, charCode: number): number {
  return Math.imul(hash ^ (charCode | 0x20), vmxKeyHashPrime);
}

/** The hash of `hash`'s characters followed by `key`'s: hashes a whole key from the seed, or a device's key. */
export function extendVmxKeyHash(hash: number, key: string): number {
  let h = hash;
  for (let i = 0; i < key.length; i++) h = vmxKeyHashStep(h, key.charCodeAt(i));
  return h;
}

export function vmxKeyHash(key: string): number {
  return extendVmxKeyHash(vmxKeyHashSeed, key);
}

