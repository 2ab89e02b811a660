import * as vscode from 'vscode';

/**
 * VS Code only logs a failed activate() in the extension host log, where nobody looks; say it to the user.
 */
export function reportActivationFailure(error: unknown, log: vscode.LogOutputChannel | undefined): void {
  const detail = error instanceof Error ? error.message : String(error);
  log?.error('Activation failed:', error);
  const actions = log ? ['Show Log'] : [];
  void vscode.window
    .showErrorMessage(`XCP-ng Lab could not start: ${detail}`, ...actions)
    .then((choice) => {
      if (choice === 'Show Log') log?.show(true);
    });
}
