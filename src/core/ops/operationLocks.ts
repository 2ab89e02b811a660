/**
 * One operation at a time per object: a double click, or the same action from the palette and the tree,
 * must not send the command twice. The second caller is refused, not queued: queuing would run it on a state
 * the user never saw.
 */
export class OperationLocks {
  private readonly held = new Map<string, string>();

  /** Runs `work` holding the lock for `key`, or throws naming what already holds it. */
  async run<T>(key: string, what: string, work: () => Promise<T>): Promise<T> {
    const current = this.held.get(key);
    if (current !== undefined) throw new OperationInProgressError(current);
    this.held.set(key, what);
    try {
      return await work();
    } finally {
      this.held.delete(key);
    }
  }

  isHeld(key: string): boolean {
    return this.held.has(key);
  }
}

export class OperationInProgressError extends Error {
  constructor(readonly operation: string) {
    super(`"${operation}" is still running on it; wait for it to finish`);
    this.name = 'OperationInProgressError';
  }
}
