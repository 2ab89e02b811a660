import * as vscode from 'vscode';

/**
 * Read-only documents for the right side of "current ↔ generated" diffs: the generated text is kept here by
 * URI until replaced, so the diff editor can show it without an untitled buffer that asks to be saved.
 */
export class GeneratedDocuments implements vscode.TextDocumentContentProvider, vscode.Disposable {
  static readonly scheme = 'xcpng-generated';
  private readonly texts = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;

  /** Keeps `text` under a URI named after the host and path, and returns it. */
  put(hostLabel: string, path: string, text: string): vscode.Uri {
    const uri = vscode.Uri.from({ scheme: GeneratedDocuments.scheme, authority: hostLabel, path });
    this.texts.set(uri.toString(), text);
    this.changed.fire(uri);
    return uri;
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.texts.get(uri.toString()) ?? '';
  }

  dispose(): void {
    this.changed.dispose();
  }
}
