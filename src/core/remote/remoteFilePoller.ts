/** A path's size and modification time, or that it is gone; undefined when it could not be read this time. */
export type PolledStat = { readonly size: number; readonly mtimeMs: number } | 'missing';

export type PolledChange = 'changed' | 'created' | 'deleted';

export interface RemoteFilePollerOptions {
  readonly stat: (path: string) => Promise<PolledStat | undefined>;
  readonly onChange: (path: string, change: PolledChange) => void;
  readonly intervalMs: number;
}

interface Watched {
  count: number;
  last?: PolledStat;
}

/**
 * Notices changes made on a host to the files open here. SFTP sends no change notifications, so the watched
 * paths are stat'ed one after another every interval (one small request each); without this, an editor kept
 * showing a file the host had since changed, and VS Code refused the next save as "modified since". A stat that
 * fails (connection down) reports nothing; the next one that works compares with the last known state.
 */
export class RemoteFilePoller {
  private readonly watched = new Map<string, Watched>();
  private timer: ReturnType<typeof setInterval> | undefined;
  private polling = false;
  private disposed = false;

  constructor(private readonly options: RemoteFilePollerOptions) {}

  /** Starts watching `path` (counted: several watchers of one path share one stat); returns the undo. */
  watch(path: string): () => void {
    let entry = this.watched.get(path);
    if (!entry) {
      const added: Watched = { count: 0 };
      entry = added;
      this.watched.set(path, added);
      // The state at the time of watching is the baseline, so a change before the first tick is seen too.
      void this.read(path).then((now) => {
        if (now !== undefined && added.last === undefined) added.last = now;
      });
    }
    entry.count++;
    this.timer ??= setInterval(() => void this.poll(), this.options.intervalMs);
    let undone = false;
    return () => {
      if (undone) return;
      undone = true;
      const current = this.watched.get(path);
      if (current && --current.count === 0) this.watched.delete(path);
      if (this.watched.size === 0) this.stop();
    };
  }

  /** Takes the path's current state as known, without reporting it: for changes made from here (a save). */
  async settle(path: string): Promise<void> {
    const entry = this.watched.get(path);
    if (!entry) return;
    const now = await this.read(path);
    if (now !== undefined && this.watched.get(path) === entry) entry.last = now;
  }

  dispose(): void {
    this.disposed = true;
    this.watched.clear();
    this.stop();
  }

  private stop(): void {
    if (this.timer !== undefined) clearInterval(this.timer);
    this.timer = undefined;
  }

  /** One pass over the watched paths; a pass still running when the next tick comes makes that tick a no-op. */
  private async poll(): Promise<void> {
    if (this.polling) return;
    this.polling = true;
    try {
      for (const [path, entry] of [...this.watched]) {
        const now = await this.read(path);
        if (now === undefined || this.disposed || this.watched.get(path) !== entry) continue;
        const change = entry.last === undefined ? undefined : compare(entry.last, now);
        entry.last = now;
        if (change) this.options.onChange(path, change);
      }
    } finally {
      this.polling = false;
    }
  }

  private read(path: string): Promise<PolledStat | undefined> {
    return this.options.stat(path).catch(() => undefined);
  }
}

function compare(before: PolledStat, now: PolledStat): PolledChange | undefined {
  if (before === 'missing') return now === 'missing' ? undefined : 'created';
  if (now === 'missing') return 'deleted';
  return before.size !== now.size || before.mtimeMs !== now.mtimeMs ? 'changed' : undefined;
}
