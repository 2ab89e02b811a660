import type { VmxEntryTable } from './vmxEntryTable';
import { extendVmxKeyHash, vmxKeyHash } from './vmxKeyHash';
import { int32ArrayOf, type VmxParseArrays } from './vmxParseArrays';

/**
 * The first entry of each key, keys compared case-insensitively as VMware compares them, and for every entry
 * the first one with its key. An open-addressing table of entry numbers found by the keys' hashes, so that no
 * key string is made: a match is confirmed by comparing the characters. The parser adds each entry as it reads
 * it, so repeats are known by the end of the scan.
 *
 * A slot is one number: 0 when empty, else the entry + 1 in its low bits and the top bits of the key's hash (a
 * tag) above them. A probe tells an other key by its tag without reading the entry, and the table is half the
 * size of one holding whole hashes: the parser adds an entry per line, at a random slot, so the table's size in
 * the cache counts.
 */
export class VmxKeyIndex {
  /** Per entry: the first entry with the same key (itself for a first). */
  private firstOfEntry: Int32Array;
  private slots: Int32Array;
  private mask: number;
  /** The bits of a slot that hold the entry + 1; the others hold the tag. */
  private readonly entryMask: number;
  private keys = 0;

  constructor(
    private readonly entries: VmxEntryTable,
    expected: number,
    /** At most how many entries the text can have. */
    most: number,
    spare: VmxParseArrays,
  ) {
    // A small table stays in the cache: sized for the expected keys, grown beyond three quarters full.
    let size = 16;
    while (size < expected) size *= 2;
    // Spare slots are cleared (0 is an empty slot); an entry's first is written before it is read.
    this.slots = spare.slots && spare.slots.length >= size ? spare.slots.subarray(0, size).fill(0) : new Int32Array(size);
    this.mask = size - 1;
    this.entryMask = 2 ** (32 - Math.clz32(most + 1)) - 1;
    this.firstOfEntry = int32ArrayOf(spare.firsts, Math.max(16, expected));
  }

  /** Hands the arrays over for another parse: this index is not read again. */
  giveBack(arrays: VmxParseArrays): void {
    arrays.slots = this.slots;
    arrays.firsts = this.firstOfEntry;
  }

  /**
   * Adds entry `index` (the next in file order), whose key has hash `hash`, and returns the first entry with its
   * key. The search of `find` written out: it runs once per line.
   */
  add(index: number, hash: number): number {
    if (index === this.firstOfEntry.length) {
      const grown = new Int32Array(index * 2);
      grown.set(this.firstOfEntry);
      this.firstOfEntry = grown;
    }
    const { entries, slots, mask, entryMask } = this;
    const tag = hash & ~entryMask;
    let first = index;
    for (let slot = (hash ^ (hash >>> 15)) & mask; ; slot = (slot + 1) & mask) {
      const held = slots[slot] as number;
      if (held === 0) {
        slots[slot] = tag | (index + 1);
        // Kept at most three quarters full, so that a search soon meets an empty slot.
        if (++this.keys * 4 > (mask + 1) * 3) this.grow();
        break;
      }
      if ((held & ~entryMask) === tag && entries.keyEquals((held & entryMask) - 1, entries.keyStart(index), entries.keyEnd(index), '')) {
        first = (held & entryMask) - 1;
        break;
      }
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

  /** The entry whose key is the text from `from` to `to` followed by `suffix`, with hash `hash`, or -1. */
  private find(hash: number, from: number, to: number, suffix: string): number {
    const { entries, slots, mask, entryMask } = this;
    const tag = hash & ~entryMask;
    for (let slot = (hash ^ (hash >>> 15)) & mask; ; slot = (slot + 1) & mask) {
      const held = slots[slot] as number;
      if (held === 0) return -1;
      if ((held & ~entryMask) === tag && entries.keyEquals((held & entryMask) - 1, from, to, suffix)) return (held & entryMask) - 1;
    }
  }

  /** Doubles the slots and puts the keys back, for a text with more entries than its length suggested. */
  private grow(): void {
    const old = this.slots;
    const size = (this.mask + 1) * 2;
    this.slots = new Int32Array(size);
    this.mask = size - 1;
    for (const held of old) {
      if (held === 0) continue;
      const hash = this.entries.keyHash((held & this.entryMask) - 1);
      let to = (hash ^ (hash >>> 15)) & this.mask;
      while (this.slots[to] !== 0) to = (to + 1) & this.mask;
      this.slots[to] = held;
    }
  }
}
