import * as vscode from 'vscode';
import type { GuideTargetKind } from '../../core/ops/runbook/runbook';
import type { Lab } from '../lab/lab';

/** Picks the guide's target from the loaded pools when the command did not come from a tree node. */
export async function pickGuideTarget(lab: Lab, kind: GuideTargetKind, title: string, poolId?: string): Promise<{ poolId: string; uuid: string } | undefined> {
  const items: (vscode.QuickPickItem & { poolId: string; uuid: string })[] = [];
  for (const monitor of lab.monitors) {
    if (poolId !== undefined && monitor.target.id !== poolId) continue;
    const s = monitor.snapshot;
    if (!s) continue;
    const rows =
      kind === 'vm'
        ? s.vms.map((v) => ({ name: v.name, uuid: v.uuid, note: v.powerState }))
        : kind === 'host'
          ? s.hosts.map((h) => ({ name: h.name, uuid: h.uuid, note: h.isMaster ? 'pool master' : 'member' }))
          : kind === 'network'
            ? s.networks.map((n) => ({ name: n.name, uuid: n.uuid, note: `MTU ${String(n.mtu)}${s.pifs.some((p) => p.networkUuid === n.uuid && p.management) ? ' · management' : ''}` }))
            : [{ name: s.pool.name, uuid: s.pool.uuid, note: 'pool' }];
    for (const r of rows) items.push({ label: r.name, description: `${r.note} · ${monitor.target.name}`, detail: r.uuid, poolId: monitor.target.id, uuid: r.uuid });
  }
  if (items.length === 0) throw new Error('No loaded pool: open the XCP-ng view to load your pools.');
  const picked = await vscode.window.showQuickPick(items, { title, matchOnDescription: true, matchOnDetail: true });
  return picked && { poolId: picked.poolId, uuid: picked.uuid };
}
