import * as vscode from 'vscode';
import { GUIDE_HOST_ACTIONS } from '../../core/ops/guides/guideLinks';
import type { Lab } from '../lab/lab';
import type { ExplorerProvider } from '../tree/explorerProvider';
import { pickGuideTarget } from './pickGuideTarget';

/** Names the host a picker would ask for (tests and scripts). */
export interface HostActionOptions {
  readonly poolId: string;
  readonly hostUuid: string;
}

/**
 * A guide's action lens: pick the host, then run the tree's own host command on it, so the guide gets the
 * same checks, confirmations and progress as the context menu.
 */
export async function runHostAction(lab: Lab, explorer: ExplorerProvider, command: string, options?: HostActionOptions): Promise<unknown> {
  const title = GUIDE_HOST_ACTIONS[command];
  if (!title) throw new Error(`${command} is not a host action a guide can start.`);
  const target = options ? { poolId: options.poolId, uuid: options.hostUuid } : await pickGuideTarget(lab, 'host', `${title.replace(/\.\.\.$/, '')}: which host?`);
  if (!target) return undefined;
  return vscode.commands.executeCommand(command, explorer.nodeFor(target.poolId, 'host', target.uuid));
}
