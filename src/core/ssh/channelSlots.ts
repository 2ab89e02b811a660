import { CancelledError } from '../errors';

/** Gives back the slot; calling it again does nothing. */
export type ReleaseSlot = () => void;

interface Waiter {
  readonly grant: (release: ReleaseSlot) => void;
  readonly refuse: (error: Error) => void;
}

/**
 * Counts the channels open on one connection and queues the rest, first come first served. sshd caps
 * sessions per connection (MaxSessions, 10 by default); the limit starts below that and is lowered to what
 * the server actually allowed when it refuses a channel.
 */
export class ChannelSlots {
  private used = 0;
  private readonly waiters: Waiter[] = [];

  constructor(private max: number) {}

  get inUse(): number {
    return this.used;
  }

  get limit(): number {
    return this.max;
  }

  acquire(signal?: AbortSignal): Promise<ReleaseSlot> {
    if (signal?.aborted) {
      return Promise.reject(new CancelledError());
    }
    if (this.used < this.max && this.waiters.length === 0) {
      return Promise.resolve(this.take());
    }
    return new Promise<ReleaseSlot>((resolve, reject) => {
      const onAbort = (): void => {
        const index = this.waiters.indexOf(waiter);
        if (index >= 0) {
          this.waiters.splice(index, 1);
        }
        reject(new CancelledError());
      };
      const waiter: Waiter = {
        grant: (release) => {
          signal?.removeEventListener('abort', onAbort);
          resolve(release);
        },
        refuse: (error) => {
          signal?.removeEventListener('abort', onAbort);
          reject(error);
        },
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.waiters.push(waiter);
    });
  }

  /** The server refused a channel while `inUse` were open: never ask for more than that again. */
  lowerLimitTo(count: number): void {
    this.max = Math.max(1, Math.min(this.max, count));
  }

  /** Fails everyone still waiting (the connection is gone). */
  refuseWaiters(error: Error): void {
    for (const waiter of this.waiters.splice(0)) {
      waiter.refuse(error);
    }
  }

  private take(): ReleaseSlot {
    this.used++;
    let released = false;
    return () => {
      if (released) {
        return;
      }
      released = true;
      this.used--;
      this.pump();
    };
  }

  private pump(): void {
    while (this.used < this.max && this.waiters.length > 0) {
      this.waiters.shift()?.grant(this.take());
    }
  }
}
