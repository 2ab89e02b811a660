import { emptySlots } from './emptySlots';
import { growInt32Array } from './growInt32Array';

/** Per UUID noted, in the order noted: its four numbers and its line. */
const STRIDE = 5;
const LINE = 4;

/** Where a UUID starts probing: its four numbers mixed, so that UUIDs alike in one part spread. */
function firstSlot(u0: number, u1: number, u2: number, u3: number, mask: number): number {
  const hash = u0 ^ Math.imul(u1, 0x9e3779b1) ^ Math.imul(u2, 0x85ebca6b) ^ Math.imul(u3, 0xc2b2ae35);
  return (Math.imul(hash ^ (hash >>> 16), 0x45d9f3b) >>> 7) & mask;
}

/**
 * The first line of each md UUID (four 32-bit numbers, as readMdadmUuid writes them), for the repeated-UUID rule
 * of thousands of ARRAY lines: an open-addressing table of small slots (the place of a UUID in the order
 * noted), beside the UUIDs themselves in the order noted, compared in place. Comparing through a callback, as
 * the device names do (FirstByHash), cost twice the look-up; slots that held the UUIDs themselves made a
 * table too large to stay in cache.
 */
export class FirstLineByUuid {
  /** 1 + the place of a UUID in `noted`, or 0; kept at most half full. */
  private slots = new Int32Array(0);
  private mask = 0;
  private noted = new Int32Array(0);
  private count = 0;

  /** Forgets every UUID; `expected` UUIDs fit without growing. Clears only the slots the file needs. */
  restart(expected: number): void {
    ({ slots: this.slots, mask: this.mask } = emptySlots(this.slots, expected));
    this.noted = growInt32Array(this.noted, STRIDE * expected);
    this.count = 0;
  }

  /** The line noted with the UUID `uuid`, or -1 after noting `line` with it. */
  claim(uuid: Int32Array, line: number): number {
    const u0 = uuid[0] as number;
    const u1 = uuid[1] as number;
    const u2 = uuid[2] as number;
    const u3 = uuid[3] as number;
    const slots = this.slots;
    const mask = this.mask;
    let noted = this.noted;
    let slot = firstSlot(u0, u1, u2, u3, mask);
    for (let entry = slots[slot] as number; entry !== 0; entry = slots[slot] as number) {
      const at = STRIDE * (entry - 1);
      if (noted[at] === u0 && noted[at + 1] === u1 && noted[at + 2] === u2 && noted[at + 3] === u3) return noted[at + LINE] as number;
      slot = (slot + 1) & mask;
    }
    const at = STRIDE * this.count;
    if (at + STRIDE > noted.length) noted = this.noted = growInt32Array(noted, at + STRIDE);
    noted[at] = u0;
    noted[at + 1] = u1;
    noted[at + 2] = u2;
    noted[at + 3] = u3;
    noted[at + LINE] = line;
    slots[slot] = ++this.count;
    if (this.count * 2 > mask + 1) this.grow();
    return -1;
  }

  private grow(): void {
    const slots = new Int32Array(2 * (this.mask + 1));
    const mask = slots.length - 1;
    const noted = this.noted;
    for (let entry = 1; entry <= this.count; entry++) {
      const at = STRIDE * (entry - 1);
      let slot = firstSlot(noted[at] as number, noted[at + 1] as number, noted[at + 2] as number, noted[at + 3] as number, mask);
      while (slots[slot] !== 0) slot = (slot + 1) & mask;
      slots[slot] = entry;
    }
    this.slots = slots;
    this.mask = mask;
  }
}
