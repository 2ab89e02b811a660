import * as vscode from 'vscode';
import { languageSupports } from '../../core/lint/languageSupports';
import { LintCodeActionProvider } from './lintCodeActionProvider';
import { LintController } from './lintController';
import { registerLanguageProviders } from './registerLanguageProviders';

/**
 * Everything the config languages need in the editor: diagnostics as you type (setting `xcpng.lint.run`),
 * quick fixes from the findings, and hover, completion and outline providers. All disposables go to
 * `context.subscriptions`.
 */
export function registerLinting(context: vscode.ExtensionContext, log: vscode.LogOutputChannel): void {
  const diagnostics = vscode.languages.createDiagnosticCollection('xcpng-lab');
  const controller = new LintController(diagnostics, log);
  const selector = [...languageSupports.keys()].map((language) => ({ language }));
  context.subscriptions.push(
    diagnostics,
    controller,
    vscode.languages.registerCodeActionsProvider(selector, new LintCodeActionProvider((uri) => controller.findingsFor(uri)), LintCodeActionProvider.metadata),
    ...registerLanguageProviders(languageSupports.values()),
  );
}
