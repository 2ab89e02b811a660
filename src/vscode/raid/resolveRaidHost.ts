import * as vscode from 'vscode';
import type { Host } from '../../core/lab/labModel';
import type { PoolMonitor } from '../../core/lab/poolMonitor';
import type { RemoteExec } from '../../core/ssh/remoteExec';
import type { ExplorerNode, HostNode } from '../tree/explorerNode';
import type { RaidServices } from './raidServices';

/** The host a RAID command acts on: always a pool master, reached over the pool's connection. */
export interface RaidHost {
  readonly poolId: string;
  readonly monitor: PoolMonitor;
  readonly host: Host;
  readonly hostNode: HostNode;
  readonly exec: RemoteExec;
}

/**
 * From the RAID node, an array, or the master's host node; from the palette, a pick among the loaded pools'
 * masters. Another host is refused: its dom0 is not what the connection reaches.
 */
export async function resolveRaidHost(services: RaidServices, clicked?: ExplorerNode): Promise<RaidHost | undefined> {
  let poolId: string | undefined;
  let hostUuid: string | undefined;
  if (clicked?.kind === 'raid' || clicked?.kind === 'mdArray') [poolId, hostUuid] = [clicked.poolId, clicked.hostUuid];
  else if (clicked?.kind === 'host') [poolId, hostUuid] = [clicked.poolId, clicked.uuid];
  else {
    const masters = services.lab.monitors.flatMap((m) => (m.snapshot?.hosts ?? []).filter((h) => h.isMaster).map((h) => ({ label: h.name, description: m.target.name, poolId: m.target.id, uuid: h.uuid })));
    if (masters.length === 0) throw new Error('No pool is loaded. Open the XCP-ng view to load your pools.');
    const picked = masters.length === 1 ? masters[0] : await vscode.window.showQuickPick(masters, { title: 'On which pool master?' });
    if (!picked) return undefined;
    [poolId, hostUuid] = [picked.poolId, picked.uuid];
  }
  const monitor = services.lab.monitor(poolId);
  const host = monitor?.snapshot?.hosts.find((h) => h.uuid === hostUuid);
  if (!monitor || !host) throw new Error('The host is no longer in the pool.');
  if (!host.isMaster) throw new Error(`${host.name} is not the pool master, and the extension's connection reaches the master's dom0 only.`);
  return { poolId, monitor, host, hostNode: services.explorer.nodeFor(poolId, 'host', host.uuid), exec: services.lab.connection(monitor.target) };
}
