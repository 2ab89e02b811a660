import * as vscode from 'vscode';
import { capitalize } from '../../core/ops/capitalize';
import type { Vm } from '../../core/lab/labModel';
import { destinationHosts } from '../../core/ops/preflightVmAction';
import { OperationLocks } from '../../core/ops/operationLocks';
import { runVmAction } from '../../core/ops/runVmAction';
import { VM_ACTIONS, type VmActionId } from '../../core/ops/vmActions';
import type { Lab } from '../lab/lab';
import type { ModalConfirm } from '../modalConfirm';
import type { ExplorerNode, VmNode } from '../tree/explorerNode';
import type { ExplorerProvider } from '../tree/explorerProvider';
import { registerCommand } from './registerCommand';
import { withCancellableProgress } from './withCancellableProgress';

const COMMANDS: Record<VmActionId, string> = {
  start: 'xcpng.vm.start',
  startOn: 'xcpng.vm.startOn',
  shutdown: 'xcpng.vm.shutdown',
  forceShutdown: 'xcpng.vm.forceShutdown',
  reboot: 'xcpng.vm.reboot',
  forceReboot: 'xcpng.vm.forceReboot',
  suspend: 'xcpng.vm.suspend',
  resume: 'xcpng.vm.resume',
  migrate: 'xcpng.vm.migrate',
};

/** Multi-select applies to these; the ones that pick a host act on one VM at a time. */
const MULTI: ReadonlySet<VmActionId> = new Set(['start', 'shutdown', 'forceShutdown', 'reboot', 'forceReboot', 'suspend', 'resume']);

/**
 * The VM power and placement commands of the tree's context menu and the palette. Each resolves its VMs
 * (clicked, selected, or picked), then hands every one to core's runVmAction.
 */
export function registerVmCommands(
  log: vscode.LogOutputChannel,
  lab: Lab,
  explorer: ExplorerProvider,
  treeView: vscode.TreeView<ExplorerNode>,
  confirm: ModalConfirm,
  locks: OperationLocks,
): vscode.Disposable[] {
  return (Object.keys(COMMANDS) as VmActionId[]).map((id) =>
    // (clicked, selected) is how menus call a command; `options` lets scripts and tests name the host.
    registerCommand(log, COMMANDS[id], async (clicked?: ExplorerNode, selected?: ExplorerNode[], options?: { hostUuid?: string }) => {
      const action = VM_ACTIONS[id];
      let targets = vmNodes(clicked, MULTI.has(id) ? selected : undefined);
      if (targets.length === 0) {
        const picked = await pickVm(lab, explorer, action.from, `${capitalize(action.verb)} which VM?`);
        if (!picked) return;
        targets = [picked];
      }
      let hostUuid: string | undefined;
      if (action.needsHost) {
        const target = targets[0];
        hostUuid = options?.hostUuid ?? (target && (await pickHost(lab, target, id === 'migrate' ? 'Migrate to which host?' : 'Start on which host?')));
        if (!hostUuid) return;
      }
      const failures: string[] = [];
      for (const node of targets) {
        const monitor = lab.monitor(node.poolId);
        const vmName = monitor?.snapshot?.vms.find((v) => v.uuid === node.uuid)?.name ?? node.uuid;
        if (!monitor) continue;
        try {
          await withCancellableProgress(`${capitalize(action.verb)} "${vmName}"`, (signal) =>
            runVmAction({ exec: lab.connection(monitor.target), monitor, locks, confirm: confirm.confirm, action, vmUuid: node.uuid, hostUuid, signal }),
          );
          log.info(`${action.verb} "${vmName}" (${node.uuid}): done, verified`);
        } catch (error) {
          if (targets.length === 1) throw error;
          if (error instanceof Error && error.name === 'CancelledError') return;
          failures.push(error instanceof Error ? error.message : String(error));
        }
      }
      if (failures.length) throw new Error(`${failures.length} of ${targets.length} VMs failed: ${failures.join('; ')}`);
      // Show where the VM landed (a started VM moves under its host).
      const first = targets[0];
      if (first && treeView.visible) await treeView.reveal(first, { select: true, focus: false });
    }),
  );
}

function vmNodes(clicked: ExplorerNode | undefined, selected: ExplorerNode[] | undefined): VmNode[] {
  const nodes = selected && selected.length > 1 ? selected : clicked ? [clicked] : [];
  return nodes.filter((n): n is VmNode => n.kind === 'vm');
}

async function pickVm(lab: Lab, explorer: ExplorerProvider, from: readonly string[], title: string): Promise<VmNode | undefined> {
  const items: (vscode.QuickPickItem & { node: VmNode })[] = [];
  for (const monitor of lab.monitors) {
    for (const vm of monitor.snapshot?.vms ?? []) {
      if (!from.includes(vm.powerState)) continue;
      items.push({
        label: vm.name,
        description: `${vm.powerState} · ${monitor.target.name}`,
        detail: vm.uuid,
        node: explorer.nodeFor(monitor.target.id, 'vm', vm.uuid),
      });
    }
  }
  if (items.length === 0) throw new Error('No VM in a loaded pool is in a state that allows this. Open the XCP-ng view to load your pools.');
  return (await vscode.window.showQuickPick(items, { title, matchOnDescription: true, matchOnDetail: true }))?.node;
}

async function pickHost(lab: Lab, node: VmNode, title: string): Promise<string | undefined> {
  const snapshot = lab.monitor(node.poolId)?.snapshot;
  const vm: Vm | undefined = snapshot?.vms.find((v) => v.uuid === node.uuid);
  if (!snapshot || !vm) throw new Error('The VM is no longer in the pool.');
  const hosts = destinationHosts(snapshot, vm);
  if (hosts.length === 0) throw new Error(`No other enabled host in the pool can take "${vm.name}".`);
  const picked = await vscode.window.showQuickPick(
    hosts.map((h) => ({ label: h.name, description: h.isMaster ? 'pool master' : undefined, detail: h.uuid, uuid: h.uuid })),
    { title },
  );
  return picked?.uuid;
}
