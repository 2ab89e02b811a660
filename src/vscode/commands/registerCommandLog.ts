import * as vscode from 'vscode';
import type { CommandLogEntry } from '../../core/ssh/commandLogEntry';
import type { Lab } from '../lab/lab';
import { CommandLogProvider } from '../tree/commandLogProvider';
import { registerCommand } from './registerCommand';

/** The "Command Log" view and its commands; every command sent also goes to the log channel. */
export function registerCommandLog(log: vscode.LogOutputChannel, lab: Lab): vscode.Disposable[] {
  const provider = new CommandLogProvider();
  return [
    provider,
    vscode.window.createTreeView('xcpng.commandLog', { treeDataProvider: provider }),
    lab.onDidLogCommand((entry) => {
      provider.add(entry);
      const line = `[${entry.connection}] ${entry.commandLine} -> ${entry.error ?? `exit ${entry.code}`} (${entry.durationMs.toFixed(0)} ms)`;
      // Refreshes repeat every few seconds; keep them out of the default log level.
      if (entry.argv[0] === 'sh') log.trace(line);
      else log.info(line);
    }),
    registerCommand(log, 'xcpng.commandLog.show', () => vscode.commands.executeCommand('xcpng.commandLog.focus')),
    registerCommand(log, 'xcpng.commandLog.copyAsScript', async (entry?: CommandLogEntry) => {
      if (!entry) return;
      await vscode.env.clipboard.writeText(`# sent to ${entry.target} at ${entry.time.toISOString()} (exit ${entry.code ?? 'none'})\n${entry.commandLine}\n`);
      vscode.window.setStatusBarMessage('Copied the command as a shell line', 3000);
    }),
  ];
}
