import { emptySlots } from './emptySlots';
import { growInt32Array } from './growInt32Array';

/**
 * Where a hash starts probing: its bits mixed first, since the low bits of FNV-1a over short keys such as
 * `0`...`8571` (device names) are alike and piled up in long probe runs.
 */
function firstSlot(hash: number, mask: number): number {
  return (Math.imul(hash ^ (hash >>> 16), 0x45d9f3b) >>> 7) & mask;
}

/**
 * Remembers the first id seen with each key, where the caller knows keys only by a 32-bit hash and an equality
 * test between two ids (numbered from 0 as the caller pleases). Lets the analyzer find repeated device names
 * of thousands of ARRAY lines without a string per key: it hashes the characters in place and
 * compares them only when hashes meet. An open-addressing table in typed arrays: a Map, and arrays grown by
 * push, cost more in the garbage collector than the comparisons themselves.
 */
export class FirstByHash {
  /** id + 1 per slot, 0 when empty; the first `mask + 1` are the table, kept at most half full. */
  private slots: Int32Array<ArrayBuffer>;
  private mask = 0;
  private hashes: Int32Array<ArrayBuffer>;
  private count = 0;
  /** Where the last {@link find} that found nothing stopped, and its hash. */
  private freeSlot = 0;
  private freeHash = 0;

  /** `expected` keys fit without growing: growing rehashes, and a large file grew the table many times. */
  constructor(
    private readonly sameKey: (a: number, b: number) => boolean,
    expected = 128,
  ) {
    this.slots = new Int32Array(0);
    this.hashes = new Int32Array(0);
    this.restart(expected);
  }

  /**
   * Forgets every key, keeping the arrays for the next file: fresh tables of a few hundred KB per lint cost
   * more in page faults and cache misses than all the look-ups in them. Clears only the slots the file needs.
   */
  restart(expected: number): void {
    ({ slots: this.slots, mask: this.mask } = emptySlots(this.slots, expected));
    this.hashes = growInt32Array(this.hashes, (this.mask + 1) / 2);
    this.count = 0;
  }

  /** The first id with the same key as `id`, or -1 after recording `id` as the first with its key. */
  claim(hash: number, id: number): number {
    const first = this.find(hash, id);
    if (first < 0) this.add(id);
    return first;
  }

  /**
   * The first id with the same key as `id`, or -1; records nothing, but remembers where `id` would go, for
   * {@link add}: a caller that records a key only once other checks pass does not probe twice.
   */
  find(hash: number, id: number): number {
    const slots = this.slots;
    const mask = this.mask;
    let slot = firstSlot(hash, mask);
    for (let entry = slots[slot] as number; entry !== 0; entry = slots[slot] as number) {
      const other = entry - 1;
      if (this.hashes[other] === hash && this.sameKey(other, id)) return other;
      slot = (slot + 1) & mask;
    }
    this.freeSlot = slot;
    this.freeHash = hash;
    return -1;
  }

  /** Records `id` as the first with its key, where the last {@link find} (which found none, and no add since) left it. */
  add(id: number): void {
    if (id >= this.hashes.length) this.hashes = growInt32Array(this.hashes, id + 1);
    this.hashes[id] = this.freeHash;
    this.slots[this.freeSlot] = id + 1;
    if (++this.count * 2 > this.mask + 1) this.rehash();
  }

  private rehash(): void {
    const old = this.slots.subarray(0, this.mask + 1);
    const slots = new Int32Array(old.length * 2);
    const mask = slots.length - 1;
    for (const entry of old) {
      if (entry === 0) continue;
      let slot = firstSlot(this.hashes[entry - 1] as number, mask);
      while (slots[slot] !== 0) slot = (slot + 1) & mask;
      slots[slot] = entry;
    }
    this.slots = slots;
    this.mask = mask;
  }
}
