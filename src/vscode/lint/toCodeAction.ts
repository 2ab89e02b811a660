import * as vscode from 'vscode';
import type { Fix } from '../../core/lint/finding';
import { toVscodeRange } from './toVscodeRange';

/** A Finding's fix as a quick fix; `fix.path` sends the edit to another file, `endOfLine` switches line endings. */
export function toCodeAction(fix: Fix, document: vscode.TextDocument, diagnostic: vscode.Diagnostic): vscode.CodeAction {
  const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
  const uri = fix.path !== undefined ? vscode.Uri.file(fix.path) : document.uri;
  const edits = fix.edits.map((e) => vscode.TextEdit.replace(toVscodeRange(e.range), e.newText));
  if (fix.endOfLine) edits.push(vscode.TextEdit.setEndOfLine(fix.endOfLine === 'lf' ? vscode.EndOfLine.LF : vscode.EndOfLine.CRLF));
  action.edit = new vscode.WorkspaceEdit();
  action.edit.set(uri, edits);
  action.diagnostics = [diagnostic];
  action.isPreferred = fix.preferred === true;
  return action;
}
