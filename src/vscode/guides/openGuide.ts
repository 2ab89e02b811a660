import * as vscode from 'vscode';
import { findHeadingLine } from '../../core/ops/guides/guideLinks';

/** The Markdown guides that ship with the extension, by title. */
export const GUIDE_DOCUMENTS: readonly { readonly file: string; readonly title: string }[] = [
  { file: 'router-vm.md', title: 'Router VM (pfSense / OPNsense)' },
  { file: 'nested-xcpng.md', title: 'Nested XCP-ng guest' },
  { file: 'vlan-trunk.md', title: 'VLAN trunk (MTU 1504)' },
  { file: 'auto-power-on.md', title: 'Auto power on' },
  { file: 'dom0-memory.md', title: 'Dom0 memory' },
  { file: 'safe-host-power.md', title: 'Safe host reboot, shutdown and maintenance' },
  { file: 'software-raid.md', title: 'Software RAID' },
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

/** Opens a guide with its heading at the top and the cursor on it (a config file's lens lands here). */
export async function openGuideSection(extensionUri: vscode.Uri, file: string, heading: string): Promise<vscode.TextEditor | undefined> {
  const editor = await openGuide(extensionUri, file);
  if (!editor) return undefined;
  const line = Math.max(0, findHeadingLine(editor.document.getText(), heading));
  const at = new vscode.Position(line, 0);
  editor.selection = new vscode.Selection(at, at);
  editor.revealRange(new vscode.Range(at, at), vscode.TextEditorRevealType.AtTop);
  return editor;
}
