import * as vscode from 'vscode';
import type { Lab } from '../lab/lab';
import type { ExplorerNode } from '../tree/explorerNode';
import type { ExplorerProvider } from '../tree/explorerProvider';
import type { RefreshScheduler } from '../tree/refreshScheduler';
import { registerCommand } from './registerCommand';

interface PoolSetting {
  name?: unknown;
}

/** The explorer's own commands: refresh, retry, filter, copy, remove. */
export function registerExplorerCommands(
  log: vscode.LogOutputChannel,
  lab: Lab,
  explorer: ExplorerProvider,
  scheduler: RefreshScheduler,
): vscode.Disposable[] {
  const nameAndUuid = (node: ExplorerNode | undefined): { name: string; uuid: string } | undefined => {
    if (!node) return undefined;
    const monitor = lab.monitor(node.poolId);
    const snapshot = monitor?.snapshot;
    if (node.kind === 'pool') return snapshot ? { name: snapshot.pool.name || (monitor?.target.name ?? ''), uuid: snapshot.pool.uuid } : undefined;
    if (node.kind === 'host') {
      const host = snapshot?.hosts.find((h) => h.uuid === node.uuid);
      return host && { name: host.name, uuid: host.uuid };
    }
    if (node.kind === 'vm') {
      const vm = snapshot?.vms.find((v) => v.uuid === node.uuid);
      return vm && { name: vm.name, uuid: vm.uuid };
    }
    if (node.kind === 'sr') {
      const sr = snapshot?.srs.find((s) => s.uuid === node.uuid);
      return sr && { name: sr.name, uuid: sr.uuid };
    }
    return undefined;
  };
  const copy = async (text: string | undefined, what: string): Promise<void> => {
    if (text === undefined) throw new Error(`Nothing to copy: the ${what} is not loaded.`);
    await vscode.env.clipboard.writeText(text);
    vscode.window.setStatusBarMessage(`Copied ${what}: ${text}`, 3000);
  };
  return [
    registerCommand(log, 'xcpng.explorer.refresh', () =>
      vscode.window.withProgress({ location: { viewId: 'xcpng.explorer' } }, () => scheduler.refreshAll()),
    ),
    registerCommand(log, 'xcpng.pool.retry', async (node?: ExplorerNode) => {
      const monitor = node ? lab.monitor(node.poolId) : undefined;
      if (monitor) await monitor.refresh();
    }),
    registerCommand(log, 'xcpng.explorer.filter', async () => {
      const text = await vscode.window.showInputBox({
        title: 'Filter VMs',
        prompt: 'Show only VMs whose name contains this text, or whose UUID or IP address starts with it. Empty clears the filter.',
        value: explorer.filter ?? '',
      });
      if (text !== undefined) explorer.setFilter(text);
    }),
    registerCommand(log, 'xcpng.explorer.clearFilter', () => explorer.setFilter(undefined)),
    registerCommand(log, 'xcpng.node.copyUuid', (node?: ExplorerNode) => copy(nameAndUuid(node)?.uuid, 'UUID')),
    registerCommand(log, 'xcpng.node.copyName', (node?: ExplorerNode) => copy(nameAndUuid(node)?.name, 'name')),
    registerCommand(log, 'xcpng.pool.remove', async (node?: ExplorerNode) => {
      const monitor = node
        ? lab.monitor(node.poolId)
        : await pickPool(lab, 'Remove which pool?');
      if (!monitor) return;
      const origin = monitor.target.origin;
      if (origin.kind === 'yaml') {
        const doc = await vscode.workspace.openTextDocument(origin.file);
        const pos = new vscode.Position(Math.max(0, origin.line - 1), Math.max(0, origin.column - 1));
        await vscode.window.showTextDocument(doc, { selection: new vscode.Range(pos, pos) });
        void vscode.window.showInformationMessage(`"${monitor.target.name}" is defined in ${origin.file}; remove it there.`);
        return;
      }
      const answer = await vscode.window.showWarningMessage(
        `Remove the pool "${monitor.target.name}" from the XCP-ng view?`,
        { modal: true, detail: 'Only the entry in your settings is removed. Nothing changes on the pool.' },
        'Remove',
      );
      if (answer !== 'Remove') return;
      const config = vscode.workspace.getConfiguration('xcpng');
      const inspect = config.inspect<PoolSetting[]>('pools');
      const targets: [PoolSetting[] | undefined, vscode.ConfigurationTarget][] = [
        [inspect?.workspaceFolderValue, vscode.ConfigurationTarget.WorkspaceFolder],
        [inspect?.workspaceValue, vscode.ConfigurationTarget.Workspace],
        [inspect?.globalValue, vscode.ConfigurationTarget.Global],
      ];
      for (const [list, target] of targets) {
        if (list?.some((p) => p.name === monitor.target.name)) {
          await config.update('pools', list.filter((p) => p.name !== monitor.target.name), target);
          return;
        }
      }
      throw new Error(`"${monitor.target.name}" was not found in the xcpng.pools setting.`);
    }),
  ];
}

async function pickPool(lab: Lab, title: string): Promise<ReturnType<Lab['monitor']>> {
  const picked = await vscode.window.showQuickPick(
    lab.monitors.map((m) => ({ label: m.target.name, description: `${m.target.user}@${m.target.host}`, id: m.target.id })),
    { title },
  );
  return picked ? lab.monitor(picked.id) : undefined;
}
