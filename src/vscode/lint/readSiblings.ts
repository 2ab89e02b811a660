import * as vscode from 'vscode';

/** Siblings are small text files; a disk image named by a .vmx is skipped rather than read whole. */
const siblingLimit = 1024 * 1024;

/**
 * The contents of the sibling files a language asked for: from an open document first (unsaved edits
 * count), else from disk through `workspace.fs` (so remote workspaces work). Missing files are left out.
 */
export async function readSiblings(paths: readonly string[]): Promise<Map<string, string>> {
  const siblings = new Map<string, string>();
  await Promise.all(
    paths.map(async (path) => {
      const open = vscode.workspace.textDocuments.find((d) => d.uri.scheme === 'file' && d.uri.fsPath === path);
      if (open) {
        siblings.set(path, open.getText());
        return;
      }
      try {
        const uri = vscode.Uri.file(path);
        const stat = await vscode.workspace.fs.stat(uri);
        if (stat.size > siblingLimit) return;
        siblings.set(path, new TextDecoder().decode(await vscode.workspace.fs.readFile(uri)));
      } catch {
        // Missing sibling: its cross-file rules stay silent (config-formats.md §0).
      }
    }),
  );
  return siblings;
}
