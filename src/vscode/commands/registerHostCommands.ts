import * as vscode from 'vscode';
import { enterMaintenance, exitMaintenance, moveVmsBack, type HostOpContext } from '../../core/ops/hostMaintenance';
import { OperationError } from '../../core/ops/operationError';
import type { OperationLocks } from '../../core/ops/operationLocks';
import { safeHostPower } from '../../core/ops/safeHostPower';
import { hostDisable, hostEnable } from '../../core/xe/hostCommands';
import { runXe } from '../../core/xe/runXe';
import { describeXeFailure } from '../../core/ops/describeXeFailure';
import { openHostTerminal } from '../hostTerminal';
import type { Lab } from '../lab/lab';
import type { MaintenanceRecords } from '../lab/maintenanceRecords';
import type { ModalConfirm } from '../modalConfirm';
import type { ExplorerNode, HostNode } from '../tree/explorerNode';
import type { ExplorerProvider } from '../tree/explorerProvider';
import { registerCommand } from './registerCommand';
import { withCancellableProgress } from './withCancellableProgress';

/** Host commands of the tree's context menu and the palette: maintenance, enable/disable, safe power, terminal. */
export function registerHostCommands(
  log: vscode.LogOutputChannel,
  lab: Lab,
  explorer: ExplorerProvider,
  confirm: ModalConfirm,
  locks: OperationLocks,
  records: MaintenanceRecords,
): vscode.Disposable[] {
  const resolve = async (node: ExplorerNode | undefined, title: string): Promise<{ node: HostNode; name: string } | undefined> => {
    const host = node?.kind === 'host' ? node : await pickHost(lab, explorer, title);
    if (!host) return undefined;
    const name = lab.monitor(host.poolId)?.snapshot?.hosts.find((h) => h.uuid === host.uuid)?.name ?? host.uuid;
    return { node: host, name };
  };
  const context = (node: HostNode, signal?: AbortSignal, report?: (m: string) => void): HostOpContext => {
    const monitor = lab.monitor(node.poolId);
    if (!monitor) throw new OperationError('the pool is no longer configured', false);
    return { exec: lab.connection(monitor.target), monitor, locks, confirm: confirm.confirm, signal, progress: report };
  };
  const simple = (id: string, verb: string, command: typeof hostDisable): vscode.Disposable =>
    registerCommand(log, id, async (clicked?: ExplorerNode) => {
      const host = await resolve(clicked, `${verb} which host?`);
      if (!host) return;
      const ctx = context(host.node);
      await locks.run(`host:${host.node.uuid}`, verb, async () => {
        await runXe(ctx.exec, command(host.node.uuid)).catch((error: unknown) => {
          throw new OperationError(describeXeFailure(error, `${verb.toLowerCase()} ${host.name}`), true, { cause: error });
        });
        await ctx.monitor.refreshAfterChange();
      });
      log.info(`${verb} ${host.name}: done`);
    });

  return [
    registerCommand(log, 'xcpng.host.enterMaintenance', async (clicked?: ExplorerNode) => {
      const host = await resolve(clicked, 'Put which host in maintenance mode?');
      if (!host) return;
      const result = await withCancellableProgress(`Maintenance mode: ${host.name}`, (signal, report) =>
        enterMaintenance(context(host.node, signal, report), host.node.uuid),
      );
      await records.put(result.record);
      if (result.cancelled) {
        void vscode.window.showWarningMessage(
          `Cancelled: ${host.name} stays disabled; still on it: ${result.remaining.join(', ')}. Run Enter Maintenance Mode again to finish, or Exit Maintenance Mode.`,
        );
      } else {
        void vscode.window.showInformationMessage(`${host.name} is in maintenance mode: disabled, ${result.record.vms.length} VM(s) moved away.`);
      }
    }),
    registerCommand(log, 'xcpng.host.exitMaintenance', async (clicked?: ExplorerNode) => {
      const host = await resolve(clicked, 'Take which host out of maintenance mode?');
      if (!host) return;
      await withCancellableProgress(`Exit maintenance: ${host.name}`, (signal, report) => exitMaintenance(context(host.node, signal, report), host.node.uuid));
      const record = records.get(host.node.poolId, host.node.uuid);
      if (!record || record.vms.length === 0) return;
      const back = await confirm.confirm({
        message: `${host.name} is enabled again. Move its ${record.vms.length} VM(s) back?`,
        detail: `Before maintenance it ran: ${record.vms.map((v) => v.name).join(', ')}.`,
        action: 'Move Back',
      });
      if (back) {
        const moved = await withCancellableProgress(`Moving VMs back to ${host.name}`, (signal, report) =>
          moveVmsBack(context(host.node, signal, report), record),
        );
        log.info(`Moved back to ${host.name}: ${moved.join(', ') || 'none'}`);
      }
      await records.delete(host.node.poolId, host.node.uuid);
    }),
    simple('xcpng.host.disable', 'Disable', hostDisable),
    simple('xcpng.host.enable', 'Enable', hostEnable),
    ...(['reboot', 'shutdown'] as const).map((kind) =>
      registerCommand(log, kind === 'reboot' ? 'xcpng.host.reboot' : 'xcpng.host.shutdown', async (clicked?: ExplorerNode) => {
        const host = await resolve(clicked, kind === 'reboot' ? 'Reboot which host?' : 'Shut down which host?');
        if (!host) return;
        const evacuation = await withCancellableProgress(`${kind === 'reboot' ? 'Reboot' : 'Shut down'} ${host.name}`, (signal, report) =>
          safeHostPower(context(host.node, signal, report), host.node.uuid, kind),
        );
        if (evacuation) await records.put(evacuation.record);
        if (evacuation?.cancelled) {
          void vscode.window.showWarningMessage(`Cancelled before the ${kind}: ${host.name} stays disabled; still on it: ${evacuation.remaining.join(', ')}.`);
          return;
        }
        void vscode.window.showInformationMessage(
          kind === 'reboot'
            ? `${host.name} is rebooting. It enables itself at boot; use Exit Maintenance Mode on it to move its VMs back.`
            : `${host.name} is shutting down.`,
        );
      }),
    ),
    registerCommand(log, 'xcpng.host.openTerminal', async (clicked?: ExplorerNode) => {
      const host = await resolve(clicked, 'Open a terminal on which host?');
      if (!host) return;
      const monitor = lab.monitor(host.node.poolId);
      if (!monitor) return;
      const target = monitor.snapshot?.hosts.find((h) => h.uuid === host.node.uuid);
      if (target && !target.isMaster) {
        // Only the pool master is reachable with the pool's credentials; say so rather than open the wrong shell.
        void vscode.window.showInformationMessage(`The terminal opens on the pool master; from there, "ssh ${target.address}" reaches ${target.name}.`);
      }
      openHostTerminal(lab.connection(monitor.target), monitor.target.name, log);
    }),
  ];
}

async function pickHost(lab: Lab, explorer: ExplorerProvider, title: string): Promise<HostNode | undefined> {
  const items = lab.monitors.flatMap((m) =>
    (m.snapshot?.hosts ?? []).map((h) => ({
      label: h.name,
      description: `${h.enabled ? 'enabled' : 'disabled'} · ${m.target.name}`,
      node: explorer.nodeFor(m.target.id, 'host', h.uuid),
    })),
  );
  if (items.length === 0) throw new Error('No host is loaded. Open the XCP-ng view to load your pools.');
  return (await vscode.window.showQuickPick(items, { title }))?.node;
}
