import * as vscode from 'vscode';
import { setPoolAutoPowerOn, setVmAutoPowerOn } from '../../core/ops/autoPowerOn';
import type { OperationLocks } from '../../core/ops/operationLocks';
import { checkVmName, renameVm } from '../../core/ops/renameVm';
import type { Lab } from '../lab/lab';
import type { ExplorerNode } from '../tree/explorerNode';
import { registerCommand } from './registerCommand';

/** Pool-level commands, and the VM settings that are plain param-sets: auto power on (which touches the pool too), rename. */
export function registerPoolCommands(log: vscode.LogOutputChannel, lab: Lab, locks: OperationLocks): vscode.Disposable[] {
  const monitorOf = (node: ExplorerNode | undefined) => {
    const monitor = node ? lab.monitor(node.poolId) : lab.monitors.length === 1 ? lab.monitors[0] : undefined;
    if (!monitor?.snapshot) throw new Error('Pick a loaded pool in the XCP-ng view.');
    return monitor;
  };
  return [
    registerCommand(log, 'xcpng.pool.copyMasterAddress', async (node?: ExplorerNode) => {
      const snapshot = monitorOf(node).snapshot;
      const master = snapshot?.hosts.find((h) => h.isMaster);
      if (!master) throw new Error('The pool reports no master.');
      await vscode.env.clipboard.writeText(master.address);
      vscode.window.setStatusBarMessage(`Copied ${master.name}'s address: ${master.address}`, 3000);
    }),
    registerCommand(log, 'xcpng.pool.enableAutoPowerOn', async (node?: ExplorerNode) => {
      const monitor = monitorOf(node);
      await locks.run(`pool:${monitor.target.id}`, 'enable auto power on', () => setPoolAutoPowerOn(lab.connection(monitor.target), monitor));
      void vscode.window.showInformationMessage(`Auto power on is enabled on ${monitor.target.name}. Turn it on for each VM that should start with its host.`);
    }),
    registerCommand(log, 'xcpng.vm.toggleAutoPowerOn', async (node?: ExplorerNode) => {
      if (node?.kind !== 'vm') throw new Error('Use this on a VM in the XCP-ng view.');
      const monitor = monitorOf(node);
      const vm = monitor.snapshot?.vms.find((v) => v.uuid === node.uuid);
      if (!vm) throw new Error('The VM is no longer in the pool.');
      const on = !vm.autoPowerOn;
      const { poolChanged } = await locks.run(`vm:${vm.uuid}`, 'change auto power on', () =>
        setVmAutoPowerOn(lab.connection(monitor.target), monitor, vm.uuid, on),
      );
      vscode.window.setStatusBarMessage(
        `Auto power on ${on ? 'on' : 'off'} for ${vm.name}${poolChanged ? ' (and enabled on the pool, which it also needs)' : ''}`,
        5000,
      );
    }),
    registerCommand(log, 'xcpng.vm.rename', async (node?: ExplorerNode) => {
      if (node?.kind !== 'vm') throw new Error('Use this on a VM in the XCP-ng view.');
      const monitor = monitorOf(node);
      const vm = monitor.snapshot?.vms.find((v) => v.uuid === node.uuid);
      if (!vm) throw new Error('The VM is no longer in the pool.');
      const name = await vscode.window.showInputBox({ title: `Rename ${vm.name}`, value: vm.name, validateInput: checkVmName });
      if (name === undefined || name === vm.name) return;
      await locks.run(`vm:${vm.uuid}`, 'rename', () => renameVm(lab.connection(monitor.target), monitor, vm.uuid, name));
    }),
  ];
}
