import type { VmxEntryTable } from './vmxEntryTable';
import { extendVmxKeyHash, vmxKeyHash } from './vmxKeyHash';
import { int32ArrayOf, type VmxParseArrays } from './vmxParseArrays';

/**
 * The first entry of each key, keys compared case-insensitively as VMware compares them, and for every entry
 * the first one with its key. An open-addressing table of entry numbers found by the keys' hashes, so that no
 * key string is made: a hash match is confirmed by comparing the characters. The parser adds each entry as it
 * reads it, so repeats are known by the end of the scan.
 */
export class VmxKeyIndex {
  /** Per entry: the first entry with the same key (itself for a first). */
  private firstOfEntry: Int32Array;
  /** Two numbers per slot: the key's hash, and its first entry + 1 (0 for an empty slot). */
  private slots: Int32Array;
  private mask: number;
  private keys = 0;

  constructor(
    private readonly entries: VmxEntryTable,
    expected: number,
    spare: VmxParseArrays,
  ) {
    // A small table stays in the cache: sized for the expected keys, grown beyond three quarters full.
    let size = 16;
    while (size < expected) size *= 2;
    // Spare slots are cleared (0 is an empty slot); an entry's first is written before it is read.
    this.slots = spare.slots && spare.slots.length >= size * 2 ? spare.slots.subarray(0, size * 2).fill(0) : new Int32Array(size * 2);
    this.mask = size - 1;
    this.firstOfEntry = int32ArrayOf(spare.firsts, Math.max(16, expected));
  }

  /** Hands the arrays over for another parse: this index is not read again. */
  giveBack(arrays: VmxParseArrays): void {
    arrays.slots = this.slots;
    arrays.firsts = this.firstOfEntry;
  }

  /** Adds entry `index` (the next in file order) and returns the first entry with its key. */
  add(index: number): number {
    const entries = this.entries;
    if (index === this.firstOfEntry.length) {
      const grown = new Int32Array(index * 2);
      grown.set(this.firstOfEntry);
      this.firstOfEntry = grown;
    }
    const hash = entries.keyHash(index);
    let first = this.find(hash, entries.keyStart(index), entries.keyEnd(index), '', index);
    if (first < 0) {
      first = index;
      // Kept at most three quarters full, so that a search soon meets an empty slot.
      if (++this.keys * 4 > (this.mask + 1) * 3) this.grow();
    }
    this.firstOfEntry[index] = first;
    return first;
  }

  firstOf(index: number): number {
    return this.firstOfEntry[index] as number;
  }

  /** Whether no earlier entry has the key of entry `index`: what the rules read (VMware refuses repeats). */
  isFirst(index: number): boolean {
    return this.firstOfEntry[index] === index;
  }

  /** The first entry whose key is `key` (lower case), or -1. */
  get(key: string): number {
    return this.find(vmxKeyHash(key), 0, 0, key);
  }

  /** The first entry of the device of entry `index` with key `suffix`: `.present` of `ethernet0.virtualDev`, or -1. */
  getOfDevice(index: number, suffix: string): number {
    const entries = this.entries;
    return this.find(extendVmxKeyHash(entries.deviceHash(index), suffix), entries.keyStart(index), entries.deviceEnd(index), suffix);
  }

  /**
   * The entry whose key is the text from `from` to `to` followed by `suffix`, with hash `hash`, or -1. With
   * `insert` (an entry with that key), a key not found is added as that entry's.
   */
  private find(hash: number, from: number, to: number, suffix: string, insert = -1): number {
    const { entries, slots, mask } = this;
    for (let slot = (hash ^ (hash >>> 15)) & mask; ; slot = (slot + 1) & mask) {
      const held = (slots[2 * slot + 1] as number) - 1;
      if (held < 0) {
        if (insert >= 0) {
          slots[2 * slot] = hash;
          slots[2 * slot + 1] = insert + 1;
        }
        return -1;
      }
      if (slots[2 * slot] === hash && entries.keyEquals(held, from, to, suffix)) return held;
    }
  }

  /** Doubles the slots and puts the keys back, for a text with more entries than its length suggested. */
  private grow(): void {
    const old = this.slots;
    const size = (this.mask + 1) * 2;
    this.slots = new Int32Array(size * 2);
    this.mask = size - 1;
    for (let slot = 0; slot < old.length; slot += 2) {
      const held = old[slot + 1] as number;
      if (held === 0) continue;
      const hash = old[slot] as number;
      let to = (hash ^ (hash >>> 15)) & this.mask;
      while (this.slots[2 * to + 1] !== 0) to = (to + 1) & this.mask;
      this.slots[2 * to] = hash;
      this.slots[2 * to + 1] = held;
    }
  }
}
