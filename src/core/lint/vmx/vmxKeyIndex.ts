import type { VmxEntryTable } from './vmxEntryTable';
import { extendVmxKeyHash, vmxKeyHash } from './vmxKeyHash';

/**
 * The first entry of each key, keys compared case-insensitively as VMware compares them, and for every entry
 * the first one with its key. An open-addressing table of entry numbers found by the keys' hashes, so that no
 * key string is made: a hash match is confirmed by comparing the characters.
 */
export class VmxKeyIndex {
  /** Entries whose key no earlier entry has, in file order: what the rules read (VMware refuses repeats). */
  readonly firsts: number[] = [];
  /** Per entry: the first entry with the same key (itself for a first). */
  private readonly firstOfEntry: Int32Array;
  /** Entry number + 1 per slot, 0 for an empty slot. */
  private readonly slots: Int32Array;
  private readonly mask: number;

  constructor(private readonly entries: VmxEntryTable) {
    let size = 16;
    while (size < entries.count * 2) size *= 2;
    this.slots = new Int32Array(size);
    this.mask = size - 1;
    this.firstOfEntry = new Int32Array(entries.count);
    for (let index = 0; index < entries.count; index++) {
      const earlier = this.find(entries.keyHash(index), entries.keyStart(index), entries.keyEnd(index), '', index);
      this.firstOfEntry[index] = earlier < 0 ? index : earlier;
      if (earlier < 0) this.firsts.push(index);
    }
  }

  firstOf(index: number): number {
    return this.firstOfEntry[index] as number;
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
      const held = (slots[slot] as number) - 1;
      if (held < 0) {
        if (insert >= 0) slots[slot] = insert + 1;
        return -1;
      }
      if (entries.keyHash(held) === hash && entries.keyEquals(held, from, to, suffix)) return held;
    }
  }
}
