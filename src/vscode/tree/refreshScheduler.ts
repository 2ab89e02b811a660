import * as vscode from 'vscode';
import type { Lab } from '../lab/lab';

/**
 * Re-reads every loaded pool on an interval, but only while the explorer is visible: a hidden view costs no
 * SSH traffic at all. Pools never expanded (still idle) are left alone; the tree loads them on expansion.
 */
export class RefreshScheduler implements vscode.Disposable {
  private timer: NodeJS.Timeout | undefined;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly view: vscode.TreeView<unknown>,
    private readonly lab: Lab,
  ) {
    this.disposables.push(
      view.onDidChangeVisibility(() => this.reschedule()),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('xcpng.explorer.refreshInterval')) this.reschedule();
      }),
    );
    this.reschedule();
  }

  /** Refreshes every pool now (the view's Refresh button), including pools that failed before. */
  async refreshAll(): Promise<void> {
    await Promise.all(this.lab.monitors.map((m) => m.refresh()));
  }

  private reschedule(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    const seconds = vscode.workspace.getConfiguration('xcpng').get<number>('explorer.refreshInterval', 10);
    if (!this.view.visible || !(seconds > 0)) return;
    this.timer = setInterval(() => {
      for (const m of this.lab.monitors) if (m.status.kind !== 'idle') void m.refresh();
    }, Math.max(2, seconds) * 1000);
  }

  dispose(): void {
    if (this.timer) clearInterval(this.timer);
    for (const d of this.disposables) d.dispose();
  }
}
