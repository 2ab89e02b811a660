/**
 * A timeout that can be paused: the connect timeout must not run while the user reads a host key prompt or
 * types a password, or a slow reader would see "timed out" instead of the login they were completing.
 */
export class PausableTimeout {
  private remainingMs: number;
  private startedAt = 0;
  private timer: NodeJS.Timeout | undefined;
  private pauses = 0;
  private done = false;

  constructor(
    ms: number,
    private readonly onTimeout: () => void,
  ) {
    this.remainingMs = ms;
    this.start();
  }

  /** Runs `work` with the clock stopped; nested and concurrent pauses are counted. */
  async paused<T>(work: () => Promise<T>): Promise<T> {
    if (this.pauses++ === 0 && this.timer) {
      clearTimeout(this.timer);
      this.timer = undefined;
      this.remainingMs -= Date.now() - this.startedAt;
    }
    try {
      return await work();
    } finally {
      if (--this.pauses === 0) {
        this.start();
      }
    }
  }

  clear(): void {
    this.done = true;
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
  }

  private start(): void {
    if (this.done) {
      return;
    }
    this.startedAt = Date.now();
    this.timer = setTimeout(() => {
      this.done = true;
      this.onTimeout();
    }, Math.max(0, this.remainingMs));
  }
}
