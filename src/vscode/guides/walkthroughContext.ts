import * as vscode from 'vscode';
import type { Lab } from '../lab/lab';

/**
 * Context keys that complete getting-started steps on the real events: a pool read successfully (its host
 * key was trusted), and a diagnostic of ours in any file (a config file was linted).
 */
export function walkthroughContext(lab: Lab): vscode.Disposable {
  const subscriptions: (() => void)[] = [];
  let poolLoaded = false;
  const watch = (): void => {
    subscriptions.splice(0).forEach((unsubscribe) => unsubscribe());
    for (const monitor of lab.monitors) {
      subscriptions.push(
        monitor.onDidChange((status) => {
          if (status.kind === 'ready' && !poolLoaded) {
            poolLoaded = true;
            void vscode.commands.executeCommand('setContext', 'xcpng.walkthrough.poolLoaded', true);
          }
        }),
      );
    }
  };
  watch();
  let linted = false;
  const disposables = [
    lab.onDidChangePools(watch),
    vscode.languages.onDidChangeDiagnostics((e) => {
      if (linted) return;
      if (e.uris.some((uri) => vscode.languages.getDiagnostics(uri).some((d) => d.source === 'xcpng-lab'))) {
        linted = true;
        void vscode.commands.executeCommand('setContext', 'xcpng.walkthrough.linted', true);
      }
    }),
  ];
  return { dispose: () => [...disposables, { dispose: () => subscriptions.forEach((u) => u()) }].forEach((d) => d.dispose()) };
}
