import * as vscode from 'vscode';

/** The Markdown guides that ship with the extension, by title. */
export const GUIDE_DOCUMENTS: readonly { readonly file: string; readonly title: string }[] = [
  { file: 'router-vm.md', title: 'Router VM (pfSense / OPNsense)' },
  { file: 'nested-xcpng.md', title: 'Nested XCP-ng guest' },
  { file: 'vlan-trunk.md', title: 'VLAN trunk (MTU 1504)' },
  { file: 'auto-power-on.md', title: 'Auto power on' },
  { file: 'dom0-memory.md', title: 'Dom0 memory' },
];

/** "XCP-ng: Open Guide...": opens one in an editor, where its command blocks get lenses. */
export async function openGuide(extensionUri: vscode.Uri, file?: string): Promise<vscode.TextEditor | undefined> {
  const chosen =
    file ??
    (await vscode.window.showQuickPick(
      GUIDE_DOCUMENTS.map((g) => ({ label: g.title, file: g.file })),
      { title: 'Open which guide?' },
    ))?.file;
  if (!chosen) return undefined;
  const document = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(extensionUri, 'media', 'guides', chosen));
  return vscode.window.showTextDocument(document, { preview: false });
}
