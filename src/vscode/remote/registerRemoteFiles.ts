import * as vscode from 'vscode';
import { registerCommand } from '../commands/registerCommand';
import type { Lab } from '../lab/lab';
import type { ExplorerNode, HostNode } from '../tree/explorerNode';
import type { ExplorerProvider } from '../tree/explorerProvider';
import { openDom0ConfigFile } from './openDom0ConfigFile';
import { RemoteFileSystemProvider } from './remoteFileSystemProvider';
import { remoteFileScheme } from './remoteFileUri';

/** The `xcpng:` file system and "Open dom0 Config File..." (host context menu and palette). */
export function registerRemoteFiles(log: vscode.LogOutputChannel, lab: Lab, explorer: ExplorerProvider): vscode.Disposable[] {
  const provider = new RemoteFileSystemProvider(lab, log);
  return [
    provider,
    vscode.workspace.registerFileSystemProvider(remoteFileScheme, provider, { isCaseSensitive: true }),
    registerCommand(log, 'xcpng.host.openConfigFile', async (clicked?: ExplorerNode, path?: string) => {
      const node = clicked?.kind === 'host' ? clicked : await pickMaster(lab, explorer);
      return node ? openDom0ConfigFile(lab, node, path) : undefined;
    }),
  ];
}

/** From the palette: the pool masters, the hosts whose files can be opened. */
async function pickMaster(lab: Lab, explorer: ExplorerProvider): Promise<HostNode | undefined> {
  const items = lab.monitors.flatMap((m) =>
    (m.snapshot?.hosts ?? [])
      .filter((h) => h.isMaster)
      .map((h) => ({ label: h.name, description: `pool master · ${m.target.name}`, node: explorer.nodeFor(m.target.id, 'host', h.uuid) })),
  );
  if (items.length === 0) throw new Error('No pool is loaded. Open the XCP-ng view to load your pools.');
  const picked = items.length === 1 ? items[0] : await vscode.window.showQuickPick(items, { title: 'Open a dom0 config file of which pool master?' });
  return picked?.node;
}
