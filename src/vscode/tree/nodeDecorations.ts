import * as vscode from 'vscode';

/** Badges tree rows the way the Explorer badges files: a disabled host gets a "D" and a muted colour. */
export class NodeDecorations implements vscode.FileDecorationProvider {
  provideFileDecoration(uri: vscode.Uri): vscode.FileDecoration | undefined {
    if (uri.scheme !== 'xcpng-node') return undefined;
    if (uri.path.startsWith('/host/') && uri.query === 'disabled') {
      return new vscode.FileDecoration('D', 'Disabled: no new VMs start here', new vscode.ThemeColor('list.warningForeground'));
    }
    return undefined;
  }
}
