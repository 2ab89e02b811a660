import * as vscode from 'vscode';
import { formatBytes } from '../../core/lab/formatBytes';
import type { Host } from '../../core/lab/labModel';
import { hostContext } from './contextValue';
import type { HostNode } from './explorerNode';
import { escape } from './vmItem';

/** `raid`: the host has a RAID child (the master), so it can be expanded even without VMs. */
export function hostItem(node: HostNode, host: Host, vmCount: number, raid = false): vscode.TreeItem {
  const item = new vscode.TreeItem(
    host.name || host.uuid,
    vmCount === 0
      ? raid
        ? vscode.TreeItemCollapsibleState.Collapsed
        : vscode.TreeItemCollapsibleState.None
      : vmCount <= 30
        ? vscode.TreeItemCollapsibleState.Expanded
        : vscode.TreeItemCollapsibleState.Collapsed,
  );
  item.id = node.id;
  const state = host.maintenanceMode ? 'maintenance' : host.enabled ? undefined : 'disabled';
  item.iconPath = host.maintenanceMode
    ? new vscode.ThemeIcon('tools', new vscode.ThemeColor('list.warningForeground'))
    : host.enabled
      ? new vscode.ThemeIcon('server')
      : new vscode.ThemeIcon('server', new vscode.ThemeColor('disabledForeground'));
  // The resource URI lets the decoration provider badge disabled hosts, as the Explorer badges files.
  item.resourceUri = vscode.Uri.from({ scheme: 'xcpng-node', path: `/${node.id}`, query: host.enabled ? 'enabled' : 'disabled' });
  const parts = [state, host.isMaster ? 'master' : undefined, host.version.product ?? undefined, memoryText(host)].filter(Boolean);
  item.description = parts.join(' · ');
  item.contextValue = hostContext({ enabled: host.enabled, master: host.isMaster, maintenance: host.maintenanceMode });
  const md = new vscode.MarkdownString(undefined, true);
  md.appendMarkdown(`**${escape(host.name)}**${host.isMaster ? ' (pool master)' : ''}${state ? ` — ${state}` : ''}\n\n`);
  md.appendMarkdown(
    [
      `UUID: \`${host.uuid}\``,
      `Address: ${escape(host.address)}`,
      `XCP-ng: ${escape(host.version.product ?? 'unknown')}`,
      `Memory: ${formatBytes(host.memoryFree)} free of ${formatBytes(host.memoryTotal)}`,
      `VMs running here: ${vmCount}`,
    ].join('  \n'),
  );
  if (!host.enabled) md.appendMarkdown('\n\nNew VMs will not start here until the host is enabled again.');
  item.tooltip = md;
  return item;
}

function memoryText(host: Host): string | undefined {
  if (host.memoryTotal === null) return undefined;
  return `${formatBytes(host.memoryFree)} free`;
}
