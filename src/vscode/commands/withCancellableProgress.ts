import * as vscode from 'vscode';

/** A notification with a Cancel button whose token reaches core as an AbortSignal. */
export function withCancellableProgress<T>(
  title: string,
  work: (signal: AbortSignal, report: (message: string) => void) => Promise<T>,
): Thenable<T> {
  return vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: true }, (progress, token) => {
    const controller = new AbortController();
    const subscription = token.onCancellationRequested(() => controller.abort());
    return work(controller.signal, (message) => progress.report({ message })).finally(() => subscription.dispose());
  });
}
