import { isCancelled } from '../errors';
import { silentLog, type Log } from '../log';
import type { RemoteExec } from '../ssh/remoteExec';
import { diffSnapshots, type SnapshotChange } from './diffSnapshots';
import type { LabSnapshot } from './labModel';
import { querySnapshot } from './querySnapshot';
import type { PoolTarget } from './resolvePoolTargets';

/** What the explorer knows about one pool. A failure keeps the last good snapshot so the tree can still show it. */
export type PoolStatus =
  | { readonly kind: 'idle' }
  | { readonly kind: 'loading'; readonly previous?: LabSnapshot }
  | { readonly kind: 'ready'; readonly snapshot: LabSnapshot; readonly at: Date }
  | { readonly kind: 'failed'; readonly error: Error; readonly previous?: LabSnapshot; readonly at: Date };

export type PoolStatusListener = (status: PoolStatus, changes: readonly SnapshotChange[]) => void;

/**
 * Keeps the latest snapshot of one pool. Refreshes are coalesced (one in flight per pool: a second caller
 * awaits the first), so a timer, a user click and an action's verification never send three snapshots at once.
 */
export class PoolMonitor {
  private current: PoolStatus = { kind: 'idle' };
  private inFlight: Promise<void> | undefined;
  private readonly listeners = new Set<PoolStatusListener>();

  constructor(
    readonly target: PoolTarget,
    private readonly exec: () => RemoteExec,
    private readonly log: Log = silentLog,
  ) {}

  get status(): PoolStatus {
    return this.current;
  }

  /** The last snapshot read successfully, even while loading again or after a failure. */
  get snapshot(): LabSnapshot | undefined {
    const s = this.current;
    return s.kind === 'ready' ? s.snapshot : s.kind === 'idle' ? undefined : s.previous;
  }

  /** A read is under way (the status stays `ready` while a shown pool refreshes). */
  get refreshing(): boolean {
    return this.inFlight !== undefined;
  }

  onDidChange(listener: PoolStatusListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  refresh(signal?: AbortSignal): Promise<void> {
    this.inFlight ??= this.load(signal).finally(() => {
      this.inFlight = undefined;
    });
    return this.inFlight;
  }

  /**
   * A refresh that starts after this call: for verification after an action, where joining a read that began
   * before the action would see the old state.
   */
  async refreshAfterChange(signal?: AbortSignal): Promise<void> {
    await this.inFlight?.catch(() => undefined);
    await this.refresh(signal);
  }

  private async load(signal: AbortSignal | undefined): Promise<void> {
    const previous = this.snapshot;
    // Only a pool never read shows "loading": a shown pool keeps its rows, a failed one its error, while retried.
    if (this.current.kind === 'idle') this.set({ kind: 'loading' }, []);
    try {
      const snapshot = await querySnapshot(this.exec(), {
        signal,
        onSkip: (skip) => this.log.warn(`${this.target.name}: skipped xe output line ${skip.line} (${skip.reason}): ${skip.text}`),
      });
      this.set({ kind: 'ready', snapshot, at: new Date() }, previous ? diffSnapshots(previous, snapshot) : []);
    } catch (error) {
      if (isCancelled(error)) {
        if (previous) this.set({ kind: 'ready', snapshot: previous, at: new Date() }, []);
        else this.set({ kind: 'idle' }, []);
        return;
      }
      const err = error instanceof Error ? error : new Error(String(error));
      this.log.warn(`${this.target.name}: refresh failed: ${err.message}`);
      this.set({ kind: 'failed', error: err, previous, at: new Date() }, []);
    }
  }

  private set(status: PoolStatus, changes: readonly SnapshotChange[]): void {
    this.current = status;
    for (const listener of this.listeners) listener(status, changes);
  }
}
