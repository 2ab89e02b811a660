import * as vscode from 'vscode';
import type { RunbookRecord, StepRecord, StepState } from '../../core/ops/runbook/runbookJournal';
import { runbookContext } from '../tree/contextValue';
import type { WorkspaceRunbookJournal } from './workspaceRunbookJournal';

export type RunbookNode = { readonly kind: 'runbook'; readonly record: RunbookRecord } | { readonly kind: 'step'; readonly record: RunbookRecord; readonly step: StepRecord };

const ICONS: Record<StepState, string> = {
  pending: 'circle-outline',
  running: 'debug-pause',
  done: 'pass',
  skipped: 'debug-step-over',
  manual: 'person',
  failed: 'error',
};

/** The "Runbooks" view: each journaled runbook with its steps' states, newest first. */
export class RunbooksProvider implements vscode.TreeDataProvider<RunbookNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<RunbookNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;

  constructor(private readonly journal: WorkspaceRunbookJournal) {}

  refresh(): void {
    this.changed.fire(undefined);
  }

  getChildren(node?: RunbookNode): RunbookNode[] {
    if (!node) {
      return [...this.journal.all()].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt)).map((record) => ({ kind: 'runbook', record }));
    }
    return node.kind === 'runbook' ? node.record.steps.map((step) => ({ kind: 'step', record: node.record, step })) : [];
  }

  getTreeItem(node: RunbookNode): vscode.TreeItem {
    if (node.kind === 'runbook') {
      const { record } = node;
      const item = new vscode.TreeItem(record.title, record.finished ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.Expanded);
      item.id = record.key;
      const next = record.steps.findIndex((s) => s.state === 'pending' || s.state === 'running' || s.state === 'failed');
      item.description = `${record.targetName} · ${record.finished ? 'finished' : `at step ${next + 1} of ${record.steps.length}`}`;
      item.tooltip = `${record.title} on ${record.targetName} (${record.targetUuid})\nLast change ${record.updatedAt}`;
      item.iconPath = new vscode.ThemeIcon(record.finished ? 'checklist' : 'debug-pause');
      item.contextValue = runbookContext(record.finished);
      return item;
    }
    const item = new vscode.TreeItem(node.step.title, vscode.TreeItemCollapsibleState.None);
    item.id = `${node.record.key}/${node.step.id}`;
    item.description = node.step.state === 'running' ? 'interrupted' : node.step.state;
    item.tooltip = node.step.detail ?? node.step.state;
    item.iconPath = new vscode.ThemeIcon(ICONS[node.step.state]);
    return item;
  }

  dispose(): void {
    this.changed.dispose();
  }
}
