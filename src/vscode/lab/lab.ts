import * as fs from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { LAB_YAML_FILE } from '../../core/lab/parseLabYaml';
import { PoolMonitor } from '../../core/lab/poolMonitor';
import type { InventoryProblem } from '../../core/lab/poolDefinition';
import { resolveInventory } from '../../core/lab/resolveInventory';
import { inlineSshConfigIncludes, type InlinedSshConfig } from '../../core/lab/inlineSshConfigIncludes';
import type { PoolTarget } from '../../core/lab/resolvePoolTargets';
import type { CommandLogEntry } from '../../core/ssh/commandLogEntry';
import { ConnectionPool } from '../../core/ssh/connectionPool';
import type { SshConnection } from '../../core/ssh/sshConnection';
import { TrustStore } from '../../core/ssh/trustStore';
import { secretStorageStore } from '../secretStorageStore';
import type { SshPromptsUi } from '../sshPromptsUi';

/**
 * The configured pools and their connections: reads the inventory (setting, workspace xcpng-lab.yaml,
 * ~/.ssh/config), keeps one PoolMonitor per pool and one SSH connection per pool master, and rebuilds both
 * when the inventory changes. Nothing connects here: monitors connect on their first refresh.
 */
export class Lab implements vscode.Disposable {
  private monitorsById = new Map<string, PoolMonitor>();
  private connections: ConnectionPool;
  private readonly changed = new vscode.EventEmitter<void>();
  private readonly commandLogged = new vscode.EventEmitter<CommandLogEntry>();
  private readonly problemsCollection = vscode.languages.createDiagnosticCollection('xcpng-inventory');
  private readonly disposables: vscode.Disposable[] = [];
  private inventoryProblems: readonly InventoryProblem[] = [];
  /** Fires when the list of pools changes (not when a pool's snapshot changes: see each monitor). */
  readonly onDidChangePools = this.changed.event;
  readonly onDidLogCommand = this.commandLogged.event;

  constructor(
    context: vscode.ExtensionContext,
    private readonly log: vscode.LogOutputChannel,
    prompts: SshPromptsUi,
  ) {
    const createConnections = (): ConnectionPool =>
      new ConnectionPool({
        trustStore: new TrustStore({
          knownHostsFiles: knownHostsFiles(),
          trustFile: path.join(context.globalStorageUri.fsPath, 'known_hosts'),
          log,
        }),
        prompts,
        secrets: secretStorageStore(context.secrets),
        agentSocket: process.env.SSH_AUTH_SOCK,
        log,
        onCommand: (entry) => this.commandLogged.fire(entry),
      });
    this.connections = createConnections();
    const watcher = vscode.workspace.createFileSystemWatcher(`**/${LAB_YAML_FILE}`);
    this.disposables.push(
      watcher,
      watcher.onDidChange(() => void this.reload()),
      watcher.onDidCreate(() => void this.reload()),
      watcher.onDidDelete(() => void this.reload()),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('xcpng.ssh')) {
          // Known-hosts files changed: connections must be re-verified against the new list.
          this.connections.dispose();
          this.connections = createConnections();
        }
        if (e.affectsConfiguration('xcpng.pools') || e.affectsConfiguration('xcpng.ssh')) void this.reload();
      }),
      this.problemsCollection,
      this.changed,
      this.commandLogged,
    );
  }

  get monitors(): readonly PoolMonitor[] {
    return [...this.monitorsById.values()];
  }

  get problems(): readonly InventoryProblem[] {
    return this.inventoryProblems;
  }

  monitor(poolId: string): PoolMonitor | undefined {
    return this.monitorsById.get(poolId);
  }

  connection(target: PoolTarget): SshConnection {
    return this.connections.get(target.id, target);
  }

  /** Re-reads the inventory; monitors of unchanged pools (same id and target) are kept with their snapshot. */
  async reload(): Promise<void> {
    const sshConfig = await readSshConfig();
    const resolved = resolveInventory({
      settings: vscode.workspace.getConfiguration('xcpng').get('pools'),
      yaml: await readLabYaml(),
      sshConfig: sshConfig?.text,
      homeDir: os.homedir(),
      localUser: os.userInfo().username,
    });
    const { targets } = resolved;
    const problems: InventoryProblem[] = [
      ...resolved.problems,
      ...(sshConfig?.problems ?? []).map((message): InventoryProblem => ({ severity: 'warning', message, source: 'ssh-config' })),
    ];
    this.inventoryProblems = problems;
    this.showProblems(problems);
    const next = new Map<string, PoolMonitor>();
    for (const target of targets) {
      const existing = this.monitorsById.get(target.id);
      next.set(
        target.id,
        existing && sameTarget(existing.target, target)
          ? existing
          : new PoolMonitor(target, () => this.connections.get(target.id, target), this.log),
      );
    }
    this.monitorsById = next;
    this.connections.retain(next.keys());
    this.log.info(`Inventory: ${targets.length} pool(s)${problems.length ? `, ${problems.length} problem(s)` : ''}`);
    this.changed.fire();
  }

  private showProblems(problems: readonly InventoryProblem[]): void {
    this.problemsCollection.clear();
    const byFile = new Map<string, vscode.Diagnostic[]>();
    for (const p of problems) {
      if (p.source === 'yaml' && p.file) {
        const line = Math.max(0, (p.line ?? 1) - 1);
        const col = Math.max(0, (p.column ?? 1) - 1);
        const d = new vscode.Diagnostic(
          new vscode.Range(line, col, line, col + 1),
          p.message,
          p.severity === 'error' ? vscode.DiagnosticSeverity.Error : vscode.DiagnosticSeverity.Warning,
        );
        d.source = 'xcpng-lab';
        byFile.set(p.file, [...(byFile.get(p.file) ?? []), d]);
      } else {
        this.log.warn(`Inventory (${p.source}${p.path ? ` ${p.path}` : ''}): ${p.message}`);
      }
    }
    for (const [file, diagnostics] of byFile) this.problemsCollection.set(vscode.Uri.file(file), diagnostics);
  }

  dispose(): void {
    this.connections.dispose();
    for (const d of this.disposables) d.dispose();
  }
}

function sameTarget(a: PoolTarget, b: PoolTarget): boolean {
  return a.name === b.name && a.host === b.host && a.port === b.port && a.user === b.user && a.identityFile === b.identityFile;
}

function knownHostsFiles(): string[] {
  const configured = vscode.workspace.getConfiguration('xcpng').get<string[]>('ssh.knownHostsFiles');
  const files = configured ?? ['~/.ssh/known_hosts', '/etc/ssh/ssh_known_hosts'];
  return files.map((f) => (f.startsWith('~/') ? path.join(os.homedir(), f.slice(2)) : f));
}

async function readLabYaml(): Promise<{ text: string; file: string } | undefined> {
  for (const folder of vscode.workspace.workspaceFolders ?? []) {
    if (folder.uri.scheme !== 'file') continue;
    const file = path.join(folder.uri.fsPath, LAB_YAML_FILE);
    const text = await readOptional(file);
    if (text !== undefined) return { text, file };
  }
  return undefined;
}

/** ~/.ssh/config with its Include files inlined, or undefined when there is none. */
async function readSshConfig(): Promise<InlinedSshConfig | undefined> {
  const text = await readOptional(path.join(os.homedir(), '.ssh', 'config'));
  if (text === undefined) return undefined;
  return inlineSshConfigIncludes(text, os.homedir(), {
    readFile: readOptional,
    listDir: async (dir) => {
      try {
        return await fs.readdir(dir);
      } catch {
        return undefined;
      }
    },
  });
}

async function readOptional(file: string): Promise<string | undefined> {
  try {
    return await fs.readFile(file, 'utf8');
  } catch {
    return undefined;
  }
}
