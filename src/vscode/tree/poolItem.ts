import * as vscode from 'vscode';
import type { PoolMonitor } from '../../core/lab/poolMonitor';
import { describeError } from '../describeError';
import { poolContext } from './contextValue';
import type { PoolNode } from './explorerNode';
import { escape } from './vmItem';

export function poolItem(node: PoolNode, monitor: PoolMonitor, filter: string | undefined): vscode.TreeItem {
  const status = monitor.status;
  const snapshot = monitor.snapshot;
  const item = new vscode.TreeItem(monitor.target.name, vscode.TreeItemCollapsibleState.Expanded);
  item.id = node.id;
  const where = `${monitor.target.user}@${monitor.target.host}${monitor.target.port === 22 ? '' : `:${monitor.target.port}`}`;
  const md = new vscode.MarkdownString(undefined, true);
  md.appendMarkdown(`**${escape(monitor.target.name)}** — ${escape(where)}\n\n`);
  const parts: string[] = [];
  if (status.kind === 'failed') {
    item.iconPath = new vscode.ThemeIcon('error', new vscode.ThemeColor('list.errorForeground'));
    parts.push(snapshot ? 'refresh failed' : 'unreachable');
    md.appendMarkdown(`$(error) ${escape(describeError(status.error))}\n\n`);
  } else if (status.kind === 'loading' || status.kind === 'idle') {
    item.iconPath = new vscode.ThemeIcon('loading~spin');
    parts.push('connecting…');
  } else {
    item.iconPath = new vscode.ThemeIcon('server-environment');
  }
  if (snapshot) {
    const running = snapshot.vms.filter((vm) => vm.powerState === 'running').length;
    if (snapshot.pool.haEnabled) parts.push('HA');
    parts.push(`${snapshot.hosts.length} hosts`, `${running}/${snapshot.vms.length} VMs running`);
    md.appendMarkdown(
      [`Pool: ${escape(snapshot.pool.name)}`, `UUID: \`${snapshot.pool.uuid}\``, `HA: ${snapshot.pool.haEnabled ? 'enabled' : 'off'}`].join('  \n'),
    );
  }
  if (filter) parts.push(`filter "${filter}"`);
  item.description = parts.join(' · ');
  item.tooltip = md;
  item.contextValue = poolContext(status.kind === 'failed' ? 'error' : snapshot ? 'ok' : 'loading', { ha: snapshot?.pool.haEnabled });
  return item;
}
