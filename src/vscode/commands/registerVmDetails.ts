import * as vscode from 'vscode';
import type { Lab } from '../lab/lab';
import type { ExplorerNode } from '../tree/explorerNode';
import type { SecureBootVerdicts } from '../secureBoot/secureBootVerdicts';
import { DETAILS_SCHEME, VmDetailsProvider } from '../vmDetailsProvider';
import { registerCommand } from './registerCommand';

/** "Show Details" on a VM: its `xe vm-param-list` in a read-only editor, with its Secure Boot verdict. */
export function registerVmDetails(log: vscode.LogOutputChannel, lab: Lab, secureBoot?: SecureBootVerdicts): vscode.Disposable[] {
  return [
    vscode.workspace.registerTextDocumentContentProvider(DETAILS_SCHEME, new VmDetailsProvider(lab, secureBoot)),
    registerCommand(log, 'xcpng.vm.showDetails', async (node?: ExplorerNode) => {
      if (node?.kind !== 'vm') throw new Error('Use this on a VM in the XCP-ng view.');
      const vm = lab.monitor(node.poolId)?.snapshot?.vms.find((v) => v.uuid === node.uuid);
      const doc = await vscode.workspace.openTextDocument(VmDetailsProvider.uri(node.poolId, node.uuid, vm?.name ?? node.uuid));
      await vscode.window.showTextDocument(doc, { preview: true });
    }),
  ];
}
