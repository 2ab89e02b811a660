import * as vscode from 'vscode';
import { mdArrayHealth, type MdHealthKind } from '../../core/ops/raid/mdArrayHealth';
import type { MdstatArray } from '../../core/lint/raid/parseMdstat';
import type { RaidReadState } from '../raid/hostRaidCache';
import { raidContext } from './contextValue';
import type { RaidNode } from './explorerNode';
import { mdHealthIcon } from './mdArrayItem';
import { escape } from './vmItem';

/** The worst health among the arrays, for the RAID node's own badge. */
function worst(arrays: readonly MdstatArray[]): MdHealthKind {
  const kinds = arrays.map((a) => mdArrayHealth(a).kind);
  return kinds.includes('inactive') ? 'inactive' : kinds.includes('degraded') ? 'degraded' : 'ok';
}

/** "RAID" under the pool master: collapsed until asked, since expanding it is what reads /proc/mdstat. */
export function raidItem(node: RaidNode, hostName: string, state: RaidReadState): vscode.TreeItem {
  const item = new vscode.TreeItem('RAID', vscode.TreeItemCollapsibleState.Collapsed);
  item.id = node.id;
  const raid = state.kind === 'ready' ? state.raid : state.kind === 'unread' ? undefined : state.previous;
  const arrays = raid?.arrays ?? [];
  const health = worst(arrays);
  const bad = arrays.filter((a) => mdArrayHealth(a).kind !== 'ok').length;
  item.description =
    state.kind === 'unread'
      ? 'expand to read /proc/mdstat'
      : state.kind === 'loading' && !raid
        ? 'reading /proc/mdstat…'
        : state.kind === 'failed' && !raid
          ? 'could not read /proc/mdstat'
          : `${arrays.length} array${arrays.length === 1 ? '' : 's'}${bad > 0 ? ` · ${bad} ${health}` : ''}`;
  item.iconPath = raid && health !== 'ok' ? mdHealthIcon(health) : new vscode.ThemeIcon('database');
  item.resourceUri = vscode.Uri.from({ scheme: 'xcpng-node', path: `/${node.id}`, query: raid ? health : 'unread' });
  item.contextValue = raidContext(raid !== undefined);
  item.tooltip = new vscode.MarkdownString(
    `Software RAID (md) arrays of **${escape(hostName)}**, from \`/proc/mdstat\`.\n\n` +
      `Read when this node is expanded, not on every refresh${raid ? `; last read ${raid.at.toLocaleTimeString()}` : ''}. ` +
      'Only the pool master is read: the pool\'s SSH connection reaches its dom0.',
  );
  return item;
}
