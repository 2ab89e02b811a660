import * as vscode from 'vscode';
import { createLog } from './vscode/createLog';
import { registerCommand } from './vscode/commands/registerCommand';
import { reportActivationFailure } from './vscode/reportActivationFailure';
import { addPool } from './vscode/commands/addPool';
import { registerExplorerCommands } from './vscode/commands/registerExplorerCommands';
import { Lab } from './vscode/lab/lab';
import { SshPromptsUi } from './vscode/sshPromptsUi';
import { ExplorerProvider } from './vscode/tree/explorerProvider';
import { RefreshScheduler } from './vscode/tree/refreshScheduler';
import { NodeDecorations } from './vscode/tree/nodeDecorations';
import type { ExplorerNode } from './vscode/tree/explorerNode';
import { ModalConfirm } from './vscode/modalConfirm';
import { OperationLocks } from './core/ops/operationLocks';
import { registerVmCommands } from './vscode/commands/registerVmCommands';
import { registerLinting } from './vscode/lint/registerLinting';
import { registerRaidCommands } from './vscode/raid/registerRaidCommands';
import { registerHostCommands } from './vscode/commands/registerHostCommands';
import { MaintenanceRecords } from './vscode/lab/maintenanceRecords';
import { registerPoolCommands } from './vscode/commands/registerPoolCommands';
import { registerCommandLog } from './vscode/commands/registerCommandLog';
import { registerVmDetails } from './vscode/commands/registerVmDetails';
import { registerGuides } from './vscode/guides/registerGuides';
import { registerRemoteFiles } from './vscode/remote/registerRemoteFiles';
import { WalkthroughProgress } from './vscode/guides/walkthroughProgress';
import { HostRaidCache } from './vscode/raid/hostRaidCache';
import { registerHostRaid } from './vscode/raid/registerHostRaid';
import { registerSecureBootCommands } from './vscode/secureBoot/registerSecureBootCommands';
import { SecureBootVerdicts } from './vscode/secureBoot/secureBootVerdicts';

/** What activate() returns: the extension-host tests drive and observe the extension through it. */
export interface XcpngLabApi {
  readonly lab: Lab;
  readonly explorer: ExplorerProvider;
  readonly treeView: vscode.TreeView<ExplorerNode>;
  readonly prompts: SshPromptsUi;
  readonly confirm: ModalConfirm;
  readonly walkthrough: WalkthroughProgress;
}

// Wiring only: build the services, register what package.json contributes, hand disposables to VS Code.
// Activation is lazy (VS Code derives onView/onCommand/onLanguage events from the contributions).
export async function activate(context: vscode.ExtensionContext): Promise<XcpngLabApi> {
  let log: vscode.LogOutputChannel | undefined;
  try {
    log = createLog();
    context.subscriptions.push(log);
    const prompts = new SshPromptsUi();
    const lab = new Lab(context, log, prompts);
    const raid = new HostRaidCache(lab);
    const explorer = new ExplorerProvider(lab, raid);
    const treeView = vscode.window.createTreeView('xcpng.explorer', { treeDataProvider: explorer, showCollapseAll: true, canSelectMany: true });
    const scheduler = new RefreshScheduler(treeView, lab);
    const confirm = new ModalConfirm();
    const locks = new OperationLocks();
    const walkthrough = new WalkthroughProgress(lab, treeView);
    const secureBoot = new SecureBootVerdicts(lab);
    context.subscriptions.push(
      lab,
      raid,
      explorer,
      treeView,
      scheduler,
      walkthrough,
      vscode.window.registerFileDecorationProvider(new NodeDecorations()),
      registerCommand(log, 'xcpng.pool.add', addPool),
      registerCommand(log, 'xcpng.settings.open', () =>
        vscode.commands.executeCommand('workbench.action.openSettings', '@ext:xcpng-lab.xcpng-lab'),
      ),
      registerCommand(log, 'xcpng.log.show', () => log?.show(true)),
      ...registerExplorerCommands(log, lab, explorer, scheduler),
      ...registerVmCommands(log, lab, explorer, treeView, confirm, locks),
      ...registerRaidCommands(log, confirm.confirm),
      ...registerHostCommands(log, lab, explorer, confirm, locks, new MaintenanceRecords(context.workspaceState)),
      ...registerPoolCommands(log, lab, locks),
      ...registerCommandLog(log, lab),
      ...registerVmDetails(log, lab, secureBoot),
      ...registerSecureBootCommands(log, lab, explorer, confirm, locks, secureBoot),
      ...registerGuides(log, lab, explorer, confirm, locks, context),
      ...registerRemoteFiles(log, lab, explorer),
      ...registerHostRaid({ log, lab, explorer, treeView, raid, confirm, locks, output: vscode.window.createOutputChannel('XCP-ng RAID') }),
    );
    registerLinting(context, log);
    await lab.reload();
    log.info(`XCP-ng Lab ${String(context.extension.packageJSON.version)} activated in VS Code ${vscode.version}`);
    return { lab, explorer, treeView, prompts, confirm, walkthrough };
  } catch (error) {
    reportActivationFailure(error, log);
    throw error;
  }
}

export function deactivate(): void {
  // Everything is owned by context.subscriptions.
}
