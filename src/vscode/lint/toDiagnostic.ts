import * as vscode from 'vscode';
import type { Finding } from '../../core/lint/finding';
import { toVscodeRange } from './toVscodeRange';

const severities: Record<Finding['severity'], vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
};

/** The rule id becomes the diagnostic's code, as config-formats.md asks, so the Problems panel shows it. */
export function toDiagnostic(finding: Finding): vscode.Diagnostic {
  const diagnostic = new vscode.Diagnostic(toVscodeRange(finding.range), finding.message, severities[finding.severity]);
  diagnostic.code = finding.code;
  diagnostic.source = 'xcpng-lab';
  return diagnostic;
}
