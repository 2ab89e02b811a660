import * as vscode from 'vscode';

/**
 * Badges tree rows the way the Explorer badges files: a disabled host gets a "D" and a muted colour, a degraded
 * md array (and the RAID node above it) a "!" in the warning colour, an inactive one in the error colour.
 */
export class NodeDecorations implements vscode.FileDecorationProvider {
  provideFileDecoration(uri: vscode.Uri): vscode.FileDecoration | undefined {
    if (uri.scheme !== 'xcpng-node') return undefined;
    if (uri.path.startsWith('/host/') && uri.query === 'disabled') {
      return new vscode.FileDecoration('D', 'Disabled: no new VMs start here', new vscode.ThemeColor('list.warningForeground'));
    }
    if (uri.path.startsWith('/mdArray/') || uri.path.startsWith('/raid/')) {
      if (uri.query === 'degraded') return new vscode.FileDecoration('!', 'Degraded: a member is missing or failed', new vscode.ThemeColor('list.warningForeground'));
      if (uri.query === 'inactive') return new vscode.FileDecoration('!', 'Inactive: assembled but not started', new vscode.ThemeColor('list.errorForeground'));
    }
    return undefined;
  }
}
