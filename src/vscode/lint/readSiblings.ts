import * as vscode from 'vscode';

/** Siblings are small text files; a disk image named by a .vmx is skipped rather than read whole. */
const siblingLimit = 1024 * 1024;

/**
 * The path of a document that the language rules see: the local path for a file, the URI's path otherwise
 * (for a dom0 file, `/<host uuid>/etc/mdadm.conf`, so siblings resolve on the same host).
 */
export function documentPath(uri: vscode.Uri): string {
  return uri.scheme === 'file' ? uri.fsPath : uri.path;
}

/** A sibling path computed from {@link documentPath}, as a URI of the same file system (same host for dom0 files). */
export function siblingUri(documentUri: vscode.Uri, path: string): vscode.Uri {
  return documentUri.scheme === 'file' ? vscode.Uri.file(path) : documentUri.with({ path, query: '', fragment: '' });
}

/**
 * The contents of the sibling files a language asked for, keyed by path: from an open document first (unsaved
 * edits count), else through `workspace.fs` from the file system of `documentUri` (local disk, a remote
 * workspace, or the dom0 the document came from). Missing files are left out.
 */
export async function readSiblings(documentUri: vscode.Uri, paths: readonly string[]): Promise<Map<string, string>> {
  const siblings = new Map<string, string>();
  await Promise.all(
    paths.map(async (path) => {
      const uri = siblingUri(documentUri, path);
      const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
      if (open) {
        siblings.set(path, open.getText());
        return;
      }
      try {
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
