import type { VmxEntryTable } from './vmxEntryTable';
import { templateIndex } from './vmxKeyAutomaton';

const presentKey = templateIndex('ethernet#.present');
const noPromiscKey = templateIndex('ethernet#.nopromisc');
/** What every adapter's device part starts with, in some case: only the digits after it tell two apart. */
const prefix = 'ethernet'.length;

/**
 * The network adapters of a .vmx (`ethernet0`, `ethernet1`, ...), numbered as they first appear, each with its
 * `.present` and `.noPromisc` entries and its first other key: the adapter rules read these rather than look
 * each adapter's keys up by name. Built from the first entry of each adapter key, in file order. An adapter's
 * keys usually follow each other, so an entry is first compared with the adapter of the entry before it; only
 * the first of a run is looked up, in a table of the adapters by the hash of their device part.
 */
export class VmxAdapters {
  /** Per adapter: its `ethernetN.present` entry, or -1. */
  private readonly present: number[] = [];
  /** Per adapter: whether its `.present` is TRUE (in any case), as the rules found it when they checked the value. */
  private readonly presentTrue: boolean[] = [];
  private readonly noPromisc: number[] = [];
  /** Per adapter: its first entry that is not `.present`, or -1. */
  private readonly other: number[] = [];
  /** Adapters that have a key other than `.present`, in the order of that key: the order the orphan rule reports. */
  readonly withOther: number[] = [];
  /** Adapters in the order of their `.present` entries. */
  readonly withPresent: number[] = [];
  /** Per adapter: the entry that first named it, whose device part stands for the adapter's. */
  private readonly firstEntry: number[] = [];
  /** Two numbers per slot: the hash of an adapter's device part, and the adapter + 1 (0 for an empty slot). */
  private slots = new Int32Array(2 * 64);
  private lastEntry = -1;
  private lastAdapter = -1;

  constructor(private readonly entries: VmxEntryTable) {}

  get count(): number {
    return this.firstEntry.length;
  }

  presentOf(adapter: number): number {
    return this.present[adapter] as number;
  }

  /** Whether the adapter has a `.present` and it is TRUE. */
  isPresent(adapter: number): boolean {
    return this.presentTrue[adapter] === true;
  }

  noPromiscOf(adapter: number): number {
    return this.noPromisc[adapter] as number;
  }

  otherOf(adapter: number): number {
    return this.other[adapter] as number;
  }

  /**
   * Adds entry `index`, the first of its key, an adapter's key (`ethernet<digits>.<more>`), after the earlier ones;
   * `isTrue` tells whether its value is TRUE, in any case.
   */
  add(index: number, isTrue: boolean): void {
    const adapter = this.lastEntry >= 0 && this.entries.sameDevice(index, this.lastEntry, prefix) ? this.lastAdapter : this.find(index);
    this.lastEntry = index;
    this.lastAdapter = adapter;
    const template = this.entries.template(index);
    // A first entry is the only one of its key, so each of these is set once.
    if (template === presentKey) {
      this.present[adapter] = index;
      this.presentTrue[adapter] = isTrue;
      this.withPresent.push(adapter);
      return;
    }
    if (template === noPromiscKey) this.noPromisc[adapter] = index;
    if (this.other[adapter] === -1) {
      this.other[adapter] = index;
      this.withOther.push(adapter);
    }
  }

  /** The adapter of entry `index`'s device part, added if it is new. */
  private find(index: number): number {
    const entries = this.entries;
    const hash = entries.deviceHash(index);
    let mask = (this.slots.length >> 1) - 1;
    let slot = (hash ^ (hash >>> 15)) & mask;
    for (; this.slots[2 * slot + 1] !== 0; slot = (slot + 1) & mask) {
      const held = (this.slots[2 * slot + 1] as number) - 1;
      if (this.slots[2 * slot] === hash && entries.sameDevice(index, this.firstEntry[held] as number, prefix)) return held;
    }
    const adapter = this.firstEntry.length;
    this.firstEntry.push(index);
    this.present.push(-1);
    this.presentTrue.push(false);
    this.noPromisc.push(-1);
    this.other.push(-1);
    // Kept at most half full, so that a search soon meets an empty slot.
    if (2 * this.firstEntry.length > mask + 1) {
      this.grow();
      mask = (this.slots.length >> 1) - 1;
      slot = (hash ^ (hash >>> 15)) & mask;
      while (this.slots[2 * slot + 1] !== 0) slot = (slot + 1) & mask;
    }
    this.slots[2 * slot] = hash;
    this.slots[2 * slot + 1] = adapter + 1;
    return adapter;
  }

  /** Doubles the slots and puts the adapters back. */
  private grow(): void {
    const old = this.slots;
    this.slots = new Int32Array(old.length * 2);
    const mask = (this.slots.length >> 1) - 1;
    for (let from = 0; from < old.length; from += 2) {
      const held = old[from + 1] as number;
      if (held === 0) continue;
      const hash = old[from] as number;
      let slot = (hash ^ (hash >>> 15)) & mask;
      while (this.slots[2 * slot + 1] !== 0) slot = (slot + 1) & mask;
      this.slots[2 * slot] = hash;
      this.slots[2 * slot + 1] = held;
    }
  }
}
