/** Slot layout: the UUID's four numbers, its line, and the stamp of the file it was noted for. */
const STRIDE = 6;
const LINE = 4;
const STAMP = 5;

/** Where a UUID starts probing: its four numbers mixed, so that UUIDs alike in one part spread. */
function firstSlot(u0: number, u1: number, u2: number, u3: number, mask: number): number {
  const hash = u0 ^ Math.imul(u1, 0x9e3779b1) ^ Math.imul(u2, 0x85ebca6b) ^ Math.imul(u3, 0xc2b2ae35);
  return (Math.imul(hash ^ (hash >>> 16), 0x45d9f3b) >>> 7) & mask;
}

/**
 * The first line of each md UUID (four 32-bit numbers, as readMdadmUuid writes them), for the repeated-UUID rule
 * of thousands of ARRAY lines: an open-addressing table whose slots hold the numbers themselves, so a look-up
 * compares them in place rather than through a callback. A slot is taken only when it carries the stamp of the
 * current file, so forgetting a file is a new stamp, not a clear of the whole table (which cost more than all
 * the look-ups of a large file).
 */
export class FirstLineByUuid {
  private slots = new Int32Array(0);
  private mask = 0;
  private count = 0;
  private stamp = 0;

  /** Forgets every UUID; `expected` UUIDs fit without growing. */
  restart(expected: number): void {
    let size = 256;
    while (size < 2 * expected) size *= 2;
    this.count = 0;
    if (this.slots.length < STRIDE * size || this.stamp === 0x7fffffff) {
      this.slots = new Int32Array(STRIDE * Math.max(size, this.mask + 1));
      this.stamp = 0;
    }
    this.stamp++;
    this.mask = this.slots.length / STRIDE - 1;
  }

  /** The line noted with the UUID `uuid`, or -1 after noting `line` with it. */
  claim(uuid: Int32Array, line: number): number {
    const u0 = uuid[0] as number;
    const u1 = uuid[1] as number;
    const u2 = uuid[2] as number;
    const u3 = uuid[3] as number;
    const slots = this.slots;
    const stamp = this.stamp;
    const last = STRIDE * this.mask;
    let at = STRIDE * firstSlot(u0, u1, u2, u3, this.mask);
    while (slots[at + STAMP] === stamp) {
      if (slots[at] === u0 && slots[at + 1] === u1 && slots[at + 2] === u2 && slots[at + 3] === u3) return slots[at + LINE] as number;
      at = at === last ? 0 : at + STRIDE;
    }
    slots[at] = u0;
    slots[at + 1] = u1;
    slots[at + 2] = u2;
    slots[at + 3] = u3;
    slots[at + LINE] = line;
    slots[at + STAMP] = stamp;
    if (++this.count * 2 > this.mask + 1) this.grow();
    return -1;
  }

  private grow(): void {
    const old = this.slots;
    const size = 2 * (this.mask + 1);
    const slots = new Int32Array(STRIDE * size);
    const mask = size - 1;
    const last = STRIDE * mask;
    for (let from = 0; from < old.length; from += STRIDE) {
      if (old[from + STAMP] !== this.stamp) continue;
      let at = STRIDE * firstSlot(old[from] as number, old[from + 1] as number, old[from + 2] as number, old[from + 3] as number, mask);
      while (slots[at + STAMP] === this.stamp) at = at === last ? 0 : at + STRIDE;
      slots.set(old.subarray(from, from + STRIDE), at);
    }
    this.slots = slots;
    this.mask = mask;
  }
}
