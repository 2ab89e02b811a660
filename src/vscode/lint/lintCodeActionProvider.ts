import * as vscode from 'vscode';
import type { Finding } from '../../core/lint/finding';
import { toCodeAction } from './toCodeAction';
import { toVscodeRange } from './toVscodeRange';

/** Offers the fixes a Finding carries as quick fixes on its diagnostic. */
export class LintCodeActionProvider implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] };

  constructor(private readonly findingsFor: (uri: vscode.Uri) => readonly Finding[]) {}

  provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const actions: vscode.CodeAction[] = [];
    const findings = this.findingsFor(document.uri);
    for (const diagnostic of context.diagnostics) {
      if (diagnostic.source !== 'xcpng-lab') continue;
      const finding = findings.find((f) => f.code === diagnostic.code && f.message === diagnostic.message && toVscodeRange(f.range).isEqual(diagnostic.range));
      for (const fix of finding?.fixes ?? []) actions.push(toCodeAction(fix, document, diagnostic));
    }
    return actions;
  }
}
