import * as vscode from 'vscode';
import type { CommandLogEntry } from '../../core/ssh/commandLogEntry';

const LIMIT = 500;

/**
 * Every command sent to a host, newest first: what the extension did on your pool, in the words a shell
 * would use. Kept in memory for the session (the log channel has the same lines for later).
 */
export class CommandLogProvider implements vscode.TreeDataProvider<CommandLogEntry>, vscode.Disposable {
  private readonly entries: CommandLogEntry[] = [];
  private readonly changed = new vscode.EventEmitter<undefined>();
  readonly onDidChangeTreeData = this.changed.event;

  add(entry: CommandLogEntry): void {
    this.entries.unshift(entry);
    if (this.entries.length > LIMIT) this.entries.length = LIMIT;
    this.changed.fire(undefined);
  }

  getChildren(element?: CommandLogEntry): CommandLogEntry[] {
    return element ? [] : this.entries;
  }

  getTreeItem(entry: CommandLogEntry): vscode.TreeItem {
    const item = new vscode.TreeItem(summary(entry));
    const status = entry.error ? entry.error : entry.code === null ? `signal ${entry.signal ?? '?'}` : `exit ${entry.code}`;
    item.description = `${entry.connection} · ${status} · ${entry.durationMs.toFixed(0)} ms · ${entry.time.toLocaleTimeString()}`;
    item.iconPath = new vscode.ThemeIcon(entry.code === 0 ? 'pass' : 'error', new vscode.ThemeColor(entry.code === 0 ? 'testing.iconPassed' : 'testing.iconFailed'));
    const md = new vscode.MarkdownString();
    md.appendMarkdown(`**${entry.target}** at ${entry.time.toISOString()}\n\n`);
    md.appendCodeblock(entry.commandLine, 'shell');
    item.tooltip = md;
    item.contextValue = 'commandLogEntry';
    return item;
  }

  dispose(): void {
    this.changed.dispose();
  }
}

/** The snapshot's batch script is long and always the same: name it rather than print it. */
function summary(entry: CommandLogEntry): string {
  if (entry.argv[0] === 'sh' && entry.argv[3] === 'xcpng-lab-snapshot') return 'refresh (batched xe *-list)';
  return entry.argv.join(' ');
}
