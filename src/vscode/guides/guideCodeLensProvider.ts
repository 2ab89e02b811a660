import * as vscode from 'vscode';
import { findCommandBlocks } from '../../core/ops/guides/findCommandBlocks';

export const CODE_LENS_SETTING = 'guides.codeLens';

/** "Run on host..." and "Copy" above each fenced block of xe / dom0 commands in any Markdown file. */
export class GuideCodeLensProvider implements vscode.CodeLensProvider {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.changed.event;

  /** The setting changed: VS Code asks again. */
  refresh(): void {
    this.changed.fire();
  }

  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    if (!vscode.workspace.getConfiguration('xcpng').get<boolean>(CODE_LENS_SETTING, true)) return [];
    return findCommandBlocks(document.getText()).flatMap((block, index) => {
      const range = new vscode.Range(block.fenceLine, 0, block.fenceLine, 0);
      return [
        new vscode.CodeLens(range, { title: 'Run on host...', command: 'xcpng.guide.runBlock', arguments: [document.uri, index] }),
        new vscode.CodeLens(range, { title: 'Copy', command: 'xcpng.guide.copyBlock', arguments: [document.uri, index] }),
      ];
    });
  }

  dispose(): void {
    this.changed.dispose();
  }
}
