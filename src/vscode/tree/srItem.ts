import * as vscode from 'vscode';
import type { Sr } from '../../core/lab/labModel';
import { srSummary } from '../../core/lab/srSummary';
import { srContext } from './contextValue';
import type { SrNode } from './explorerNode';
import { escape } from './vmItem';

/** One storage repository under the pool's Storage group. */
export function srItem(node: SrNode, sr: Sr): vscode.TreeItem {
  const summary = srSummary(sr);
  const item = new vscode.TreeItem(summary.label, vscode.TreeItemCollapsibleState.None);
  item.id = node.id;
  item.description = summary.description;
  item.iconPath = new vscode.ThemeIcon(summary.icon);
  item.contextValue = srContext({ shared: sr.shared });
  const md = new vscode.MarkdownString(undefined, true);
  md.appendMarkdown(`**${escape(summary.label)}**\n\n`);
  if (sr.description) md.appendMarkdown(`${escape(sr.description)}\n\n`);
  md.appendMarkdown([`UUID: \`${sr.uuid}\``, ...summary.details.map(([k, v]) => `${k}: ${escape(v)}`)].join('  \n'));
  item.tooltip = md;
  item.accessibilityInformation = { label: `Storage repository ${summary.label}, ${summary.description}` };
  return item;
}
