import type * as vscode from 'vscode';
import type { OperationLocks } from '../../core/ops/operationLocks';
import type { Lab } from '../lab/lab';
import type { ModalConfirm } from '../modalConfirm';
import type { ExplorerNode } from '../tree/explorerNode';
import type { ExplorerProvider } from '../tree/explorerProvider';
import type { HostRaidCache } from './hostRaidCache';

/** What the host RAID commands need from the extension. */
export interface RaidServices {
  readonly log: vscode.LogOutputChannel;
  readonly lab: Lab;
  readonly explorer: ExplorerProvider;
  /** The explorer's view, to reveal what an action created. */
  readonly treeView: vscode.TreeView<ExplorerNode>;
  readonly raid: HostRaidCache;
  readonly confirm: ModalConfirm;
  readonly locks: OperationLocks;
  /** Where command output (dracut's module list, mdadm's messages, the check's report) is shown. */
  readonly output: vscode.OutputChannel;
}
