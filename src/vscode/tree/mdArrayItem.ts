import * as vscode from 'vscode';
import { formatBytes } from '../../core/lab/formatBytes';
import { mdArrayHealth, type MdHealthKind } from '../../core/ops/raid/mdArrayHealth';
import type { MdstatArray } from '../../core/lint/raid/parseMdstat';
import { mdArrayContext } from './contextValue';
import type { MdArrayNode } from './explorerNode';
import { escape } from './vmItem';

/** The icon of a health state: also the RAID node's when an array below it is not ok. */
export function mdHealthIcon(kind: MdHealthKind): vscode.ThemeIcon {
  if (kind === 'ok') return new vscode.ThemeIcon('pass', new vscode.ThemeColor('testing.iconPassed'));
  if (kind === 'degraded') return new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground'));
  return new vscode.ThemeIcon('error', new vscode.ThemeColor('list.errorForeground'));
}

/** One md array: level, members and health in the row, slots and progress in the tooltip, a badge when not ok. */
export function mdArrayItem(node: MdArrayNode, array: MdstatArray): vscode.TreeItem {
  const item = new vscode.TreeItem(array.name, vscode.TreeItemCollapsibleState.None);
  item.id = node.id;
  const health = mdArrayHealth(array);
  item.description = [array.level ?? 'no level', array.members.join(' '), health.summary].join(' · ');
  item.iconPath = mdHealthIcon(health.kind);
  item.resourceUri = vscode.Uri.from({ scheme: 'xcpng-node', path: `/${node.id}`, query: health.kind });
  item.contextValue = mdArrayContext(health.kind);
  const members = array.devices.map((d) => `\`/dev/${d.name}\` slot ${d.role}${d.faulty ? ' — **failed**' : d.spare ? ' — spare' : ''}`);
  const md = new vscode.MarkdownString(undefined, true);
  md.appendMarkdown(`**/dev/${array.name}** — ${escape(health.summary)}\n\n`);
  md.appendMarkdown(
    [
      `Level: ${array.level ?? 'none (inactive)'}${array.readOnly ? ` (${array.readOnly})` : ''}`,
      array.blocks !== undefined ? `Size: ${formatBytes(array.blocks * 1024)}` : undefined,
      array.raidDevices !== undefined ? `Members in sync: ${String(array.workingDevices)} of ${array.raidDevices} [${array.slots ?? ''}]` : undefined,
      array.progress ? `${array.progress.action}: ${array.progress.waiting ?? `${String(array.progress.percent)}%`}${array.progress.finish ? `, finish in ${array.progress.finish}` : ''}${array.progress.speed ? ` at ${array.progress.speed}` : ''}` : undefined,
      `Members: ${members.join(', ') || 'none'}`,
    ]
      .filter(Boolean)
      .join('  \n'),
  );
  if (health.kind !== 'ok') md.appendMarkdown('\n\nSee "Software RAID" in the guides: re-add a member with `mdadm --add`, or check mdadm.conf and dracut_mdraid.conf.');
  item.tooltip = md;
  return item;
}
