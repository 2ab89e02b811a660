import * as vscode from 'vscode';
import { readHostRaid, type HostRaid } from '../../core/ops/raid/readHostRaid';
import type { Lab } from '../lab/lab';

export type RaidReadState =
  | { readonly kind: 'unread' }
  | { readonly kind: 'loading'; readonly previous?: HostRaid }
  | { readonly kind: 'ready'; readonly raid: HostRaid }
  | { readonly kind: 'failed'; readonly error: Error; readonly previous?: HostRaid };

/** A reading older than this is read again when the RAID node is shown again. */
const STALE_MS = 30_000;

/**
 * /proc/mdstat of each pool's master, read only when the RAID node is expanded (or a RAID action asks), so
 * the explorer's timed refresh stays one exec per pool. Fires when a reading lands.
 */
export class HostRaidCache implements vscode.Disposable {
  private readonly states = new Map<string, RaidReadState>();
  private readonly inFlight = new Map<string, Promise<HostRaid>>();
  private readonly changed = new vscode.EventEmitter<string>();
  /** The pool id whose reading changed. */
  readonly onDidChange = this.changed.event;

  constructor(private readonly lab: Lab) {}

  state(poolId: string): RaidReadState {
    return this.states.get(poolId) ?? { kind: 'unread' };
  }

  /** The last good reading, also while re-reading or after a failure. */
  raid(poolId: string): HostRaid | undefined {
    const s = this.state(poolId);
    return s.kind === 'ready' ? s.raid : s.kind === 'unread' ? undefined : s.previous;
  }

  /** Starts a read when there is none or it is stale; the tree calls this when it shows the node's children. */
  ensureFresh(poolId: string): void {
    const s = this.state(poolId);
    if (s.kind === 'loading') return;
    if (s.kind === 'ready' && Date.now() - s.raid.at.getTime() < STALE_MS) return;
    if (s.kind === 'failed') return;
    void this.read(poolId).catch(() => undefined);
  }

  /** Reads now (one in flight per pool); a failure is kept for the tree to show and rethrown. */
  read(poolId: string): Promise<HostRaid> {
    const running = this.inFlight.get(poolId);
    if (running) return running;
    const monitor = this.lab.monitor(poolId);
    if (!monitor) return Promise.reject(new Error('That pool is no longer configured.'));
    this.set(poolId, { kind: 'loading', previous: this.raid(poolId) });
    const promise = readHostRaid(this.lab.connection(monitor.target))
      .then((raid) => {
        this.set(poolId, { kind: 'ready', raid });
        return raid;
      })
      .catch((error: unknown) => {
        this.set(poolId, { kind: 'failed', error: error instanceof Error ? error : new Error(String(error)), previous: this.raid(poolId) });
        throw error;
      })
      .finally(() => this.inFlight.delete(poolId));
    this.inFlight.set(poolId, promise);
    return promise;
  }

  private set(poolId: string, state: RaidReadState): void {
    this.states.set(poolId, state);
    this.changed.fire(poolId);
  }

  dispose(): void {
    this.changed.dispose();
  }
}
