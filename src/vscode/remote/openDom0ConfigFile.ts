import * as vscode from 'vscode';
import { checkDom0Path, dom0ConfigFile, dom0ConfigFolders, offeredConfigFiles } from '../../core/remote/dom0ConfigFiles';
import { masterOnlyMessage } from '../../core/remote/dom0Reach';
import type { Lab } from '../lab/lab';
import type { HostNode } from '../tree/explorerNode';
import { remoteFileUri } from './remoteFileUri';

type PathItem = vscode.QuickPickItem & { readonly path?: string; readonly other?: boolean };

/**
 * "Open dom0 Config File...": offers mdadm.conf and the dracut and modprobe drop-ins listed from the host over
 * SFTP, or a typed path, and opens the choice in an editor (linted like a local file). Pool master only.
 * Returns the opened URI, for the extension-host tests.
 */
export async function openDom0ConfigFile(lab: Lab, node: HostNode, chosenPath?: string): Promise<vscode.Uri | undefined> {
  const monitor = lab.monitor(node.poolId);
  if (!monitor) throw new Error('This pool is no longer configured.');
  const host = monitor.snapshot?.hosts.find((h) => h.uuid === node.uuid);
  if (!host) throw new Error('This host is no longer in the pool; refresh the view.');
  if (!host.isMaster) throw new Error(masterOnlyMessage(host.name, host.address, monitor.target.name));
  const uriOf = (path: string): vscode.Uri => remoteFileUri(monitor.target.name, host.uuid, path);

  let path = chosenPath;
  if (path === undefined) {
    const picked = await vscode.window.showQuickPick(listItems(uriOf), {
      title: `Open a dom0 config file of ${host.name}`,
      placeHolder: 'A file, or "Other path..." to type one',
      matchOnDescription: true,
    });
    if (!picked || (!picked.path && !picked.other)) return undefined;
    path =
      picked.path ??
      (await vscode.window.showInputBox({
        title: `Open a file of ${host.name}'s dom0`,
        prompt: 'Absolute path on the host',
        value: '/etc/',
        validateInput: (value) => checkDom0Path(value.trim()),
      }))?.trim();
    if (!path) return undefined;
  }
  const problem = checkDom0Path(path);
  if (problem) throw new Error(problem);
  const uri = uriOf(path);
  // Stat first: a missing file or a refused login gets the provider's plain sentence, not the editor's wording.
  await vscode.workspace.fs.stat(uri);
  const document = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(document, { preview: false });
  return uri;
}

/** The offered files: mdadm.conf, then each folder's files as the host lists them (a folder that fails says why). */
async function listItems(uriOf: (path: string) => vscode.Uri): Promise<PathItem[]> {
  const items: PathItem[] = [{ label: dom0ConfigFile, description: 'mdadm', path: dom0ConfigFile }];
  for (const { folder, accepts } of dom0ConfigFolders) {
    items.push({ label: folder, kind: vscode.QuickPickItemKind.Separator });
    try {
      const entries = await vscode.workspace.fs.readDirectory(uriOf(folder));
      const names = entries.filter(([, type]) => (type & vscode.FileType.File) !== 0).map(([name]) => name);
      const paths = offeredConfigFiles(folder, names, accepts);
      if (paths.length === 0) items.push({ label: '$(info) No files here', description: folder });
      for (const path of paths) items.push({ label: path.slice(folder.length + 1), description: folder, path });
    } catch (error) {
      items.push({ label: `$(warning) ${folder} could not be listed`, detail: error instanceof Error ? error.message : String(error) });
    }
  }
  items.push({ label: '', kind: vscode.QuickPickItemKind.Separator }, { label: '$(edit) Other path...', alwaysShow: true, other: true });
  return items;
}
