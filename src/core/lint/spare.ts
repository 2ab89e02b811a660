/**
 * One thing an analysis leaves for the next to reuse: typed-array tables that cost more to allocate and
 * zero-fill (page faults, cache misses) than to clear. Taken, not shared: an analysis that starts while
 * another holds it, or one that throws before giving it back, simply makes its own.
 */
export class Spare<T> {
  private held: T | undefined;

  /** The thing given back last, which the caller now owns; undefined when there is none. */
  take(): T | undefined {
    const taken = this.held;
    this.held = undefined;
    return taken;
  }

  giveBack(value: T): void {
    this.held = value;
  }
}
