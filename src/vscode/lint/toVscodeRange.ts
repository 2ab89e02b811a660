import * as vscode from 'vscode';
import type { Position, Range } from '../../core/lint/finding';

export function toVscodeRange(range: Range): vscode.Range {
  return new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);
}

export function fromVscodePosition(position: vscode.Position): Position {
  return { line: position.line, character: position.character };
}
