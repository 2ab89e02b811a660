import { SshConnection, type SshConnectionOptions } from './sshConnection';
import { sameTarget, type SshTarget } from './sshTarget';

/** Everything a connection needs except which pool and where: shared by all pools. */
export type ConnectionDefaults = Omit<SshConnectionOptions, 'name' | 'target'>;

/**
 * The connections of all pools, one per pool id. Nothing connects until a connection is used; disposing the
 * pool closes them all (on extension deactivation).
 */
export class ConnectionPool {
  private readonly connections = new Map<string, SshConnection>();
  private disposed = false;

  constructor(private readonly defaults: ConnectionDefaults) {}

  /**
   * The connection for a pool. If the pool's target changed (the user edited the setting), the old connection
   * is closed and a new one returned.
   */
  get(poolId: string, target: SshTarget): SshConnection {
    if (this.disposed) {
      throw new Error('The connection pool has been disposed.');
    }
    const existing = this.connections.get(poolId);
    if (existing && sameTarget(existing.target, target)) {
      return existing;
    }
    existing?.dispose();
    const connection = new SshConnection({ ...this.defaults, name: poolId, target });
    this.connections.set(poolId, connection);
    return connection;
  }

  /** Closes and forgets the connection of a removed pool. */
  remove(poolId: string): void {
    this.connections.get(poolId)?.dispose();
    this.connections.delete(poolId);
  }

  /** Drops connections of pools no longer configured. */
  retain(poolIds: Iterable<string>): void {
    const keep = new Set(poolIds);
    for (const poolId of [...this.connections.keys()]) {
      if (!keep.has(poolId)) {
        this.remove(poolId);
      }
    }
  }

  dispose(): void {
    this.disposed = true;
    for (const connection of this.connections.values()) {
      connection.dispose();
    }
    this.connections.clear();
  }
}
