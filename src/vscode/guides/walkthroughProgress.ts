import * as vscode from 'vscode';
import { onDidRunCommand } from '../commands/registerCommand';
import type { Lab } from '../lab/lab';
import type { ExplorerNode } from '../tree/explorerNode';

/** The getting-started steps (package.json contributes.walkthroughs) and the commands that complete them. */
const STEP_COMMANDS: Readonly<Record<string, RegExp>> = {
  addPool: /^xcpng\.pool\.add$/,
  vmMenu: /^xcpng\.vm\./,
  runGuide: /^xcpng\.guide\.(routerVm|fixRouterVifs|nestedVm|vlanTrunk|autoPowerOn|dom0Memory|resume|runBlock|runHostAction|tls[A-Z]\w*)$/,
};

export type WalkthroughStep = 'addPool' | 'trustKey' | 'browse' | 'vmMenu' | 'runGuide' | 'lint';

/**
 * Completes the walkthrough's steps on the real events, each by a context key `xcpng.walkthrough.<step>`:
 * a pool configured, a pool read over SSH (its host key was trusted), the XCP-ng view shown, a VM command
 * run (the VM context menu's), a guide run, and a diagnostic of ours in any file (a config file linted).
 */
export class WalkthroughProgress implements vscode.Disposable {
  private readonly done = new Set<WalkthroughStep>();
  private readonly disposables: vscode.Disposable[];
  private monitorSubscriptions: (() => void)[] = [];

  constructor(
    private readonly lab: Lab,
    treeView: vscode.TreeView<ExplorerNode>,
  ) {
    this.disposables = [
      lab.onDidChangePools(() => this.watchPools()),
      treeView.onDidChangeVisibility((e) => e.visible && this.complete('browse')),
      onDidRunCommand((id) => {
        for (const [step, pattern] of Object.entries(STEP_COMMANDS)) if (pattern.test(id)) this.complete(step as WalkthroughStep);
      }),
      vscode.languages.onDidChangeDiagnostics((e) => {
        if (e.uris.some((uri) => vscode.languages.getDiagnostics(uri).some((d) => d.source === 'xcpng-lab'))) this.complete('lint');
      }),
    ];
    if (treeView.visible) this.complete('browse');
    this.watchPools();
  }

  /** The steps completed in this session, for the extension-host tests. */
  get completed(): ReadonlySet<WalkthroughStep> {
    return this.done;
  }

  /** Forgets this session's progress (the extension-host tests replay the events from a clean start). */
  reset(): void {
    for (const step of this.done) void vscode.commands.executeCommand('setContext', `xcpng.walkthrough.${step}`, false);
    this.done.clear();
  }

  private watchPools(): void {
    this.monitorSubscriptions.splice(0).forEach((unsubscribe) => unsubscribe());
    if (this.lab.monitors.length > 0) this.complete('addPool');
    for (const monitor of this.lab.monitors) {
      this.monitorSubscriptions.push(monitor.onDidChange((status) => status.kind === 'ready' && this.complete('trustKey')));
    }
  }

  private complete(step: WalkthroughStep): void {
    if (this.done.has(step)) return;
    this.done.add(step);
    void vscode.commands.executeCommand('setContext', `xcpng.walkthrough.${step}`, true);
  }

  dispose(): void {
    this.monitorSubscriptions.forEach((unsubscribe) => unsubscribe());
    this.disposables.forEach((d) => d.dispose());
  }
}
