import * as vscode from 'vscode';
import { createLog } from './vscode/createLog';
import { registerCommand } from './vscode/commands/registerCommand';
import { reportActivationFailure } from './vscode/reportActivationFailure';
import { addPool } from './vscode/commands/addPool';
import { ExplorerProvider } from './vscode/tree/explorerProvider';

// Wiring only: build the services, register what package.json contributes, hand disposables to VS Code.
// Activation is lazy (VS Code derives onView/onCommand/onLanguage events from the contributions).
export function activate(context: vscode.ExtensionContext): void {
  let log: vscode.LogOutputChannel | undefined;
  try {
    log = createLog();
    context.subscriptions.push(log);
    const explorer = new ExplorerProvider();
    context.subscriptions.push(
      explorer,
      vscode.window.createTreeView('xcpng.explorer', { treeDataProvider: explorer, showCollapseAll: true }),
      registerCommand(log, 'xcpng.pool.add', addPool),
      registerCommand(log, 'xcpng.settings.open', () =>
        vscode.commands.executeCommand('workbench.action.openSettings', '@ext:xcpng-lab.xcpng-lab'),
      ),
      registerCommand(log, 'xcpng.log.show', () => log?.show(true)),
    );
    log.info(`XCP-ng Lab ${String(context.extension.packageJSON.version)} activated in VS Code ${vscode.version}`);
  } catch (error) {
    reportActivationFailure(error, log);
    throw error;
  }
}

export function deactivate(): void {
  // Everything is owned by context.subscriptions.
}
