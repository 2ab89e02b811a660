import * as vscode from 'vscode';
import { findCommandBlocks } from '../../core/ops/guides/findCommandBlocks';
import { fillPlaceholders, placeholdersOf, splitCommandWords } from '../../core/ops/guides/splitCommandWords';
import { quoteArgv } from '../../core/ssh/quoteArgv';
import { CancelledError } from '../../core/errors';
import type { LabSnapshot } from '../../core/lab/labModel';
import type { PoolMonitor } from '../../core/lab/poolMonitor';
import type { Lab } from '../lab/lab';
import type { ModalConfirm } from '../modalConfirm';

/** Verbs that change or stop something: the modal says so. */
const DESTRUCTIVE = /(shutdown|reboot|destroy|uninstall|forget|param-set|param-remove|--set-xen|--delete-xen|install|evacuate|disable)/;

/** What a test or script can name instead of picking: the pool, and each placeholder's value. */
export interface BlockRunOptions {
  readonly poolId?: string;
  readonly values?: Readonly<Record<string, string>>;
}

async function blockCommands(uri: vscode.Uri, index: number): Promise<string[][]> {
  const document = await vscode.workspace.openTextDocument(uri);
  const block = findCommandBlocks(document.getText())[index];
  if (!block) throw new Error('That command block is no longer in the document.');
  return block.commands.map((c) => splitCommandWords(c.text));
}

/** "Copy": the block's commands, placeholders left as they are. */
export async function copyGuideBlock(uri: vscode.Uri, index: number): Promise<string> {
  const text = (await blockCommands(uri, index)).map((argv) => quoteArgv(argv)).join('\n');
  await vscode.env.clipboard.writeText(text);
  return text;
}

/**
 * "Run on host...": picks the pool and fills each placeholder from it (a VM for `<vm-uuid>`, a host for
 * `{hostname}`...), shows the exact commands in a modal, then runs them one by one as argv. Output goes to
 * the log (the Command Log view records each command) and to the guide output channel.
 */
export async function runGuideBlock(lab: Lab, confirm: ModalConfirm, output: vscode.OutputChannel, uri: vscode.Uri, index: number, options: BlockRunOptions = {}): Promise<string[]> {
  const words = await blockCommands(uri, index);
  const monitor = options.poolId ? lab.monitor(options.poolId) : await pickPool(lab);
  if (!monitor) return [];
  if (!monitor.snapshot) await monitor.refresh();
  const values: Record<string, string> = { ...options.values };
  for (const placeholder of placeholdersOf(words.flat())) {
    values[placeholder] ??= (await pickValue(monitor.snapshot, placeholder)) ?? '';
    if (!values[placeholder]) return [];
  }
  const argvs = words.map((w) => fillPlaceholders(w, values));
  const shown = argvs.map((a) => quoteArgv(a)).join('\n');
  const destructive = argvs.some((a) => DESTRUCTIVE.test(a.slice(0, 3).join(' ')));
  const yes = await confirm.confirm({
    message: `Run ${argvs.length} command(s) on ${monitor.target.name}?`,
    detail: `${destructive ? 'This changes the pool or a host.\n\n' : ''}${shown}`,
    action: 'Run',
  });
  if (!yes) throw new CancelledError();
  const outputs: string[] = [];
  const exec = lab.connection(monitor.target);
  output.show(true);
  for (const argv of argvs) {
    output.appendLine(`$ ${quoteArgv(argv)}`);
    const result = await exec.exec(argv);
    output.append(result.stdout);
    if (result.stderr) output.append(result.stderr);
    outputs.push(result.stdout);
    if (result.code !== 0) throw new Error(`${argv[0] ?? ''} ${argv[1] ?? ''} exited with ${String(result.code)}: ${result.stderr.trim()}`);
  }
  await monitor.refreshAfterChange().catch(() => undefined);
  return outputs;
}

async function pickPool(lab: Lab): Promise<PoolMonitor | undefined> {
  const monitors = lab.monitors.filter((m) => m.snapshot);
  if (monitors.length === 1) return monitors[0];
  const picked = await vscode.window.showQuickPick(
    monitors.map((m) => ({ label: m.target.name, monitor: m })),
    { title: 'Run on which pool?' },
  );
  return picked?.monitor;
}

/** Picks a value from the tree's objects, by what the placeholder's name says it wants. */
async function pickValue(snapshot: LabSnapshot | undefined, placeholder: string): Promise<string | undefined> {
  if (!snapshot) return undefined;
  const name = placeholder.toLowerCase();
  const items: (vscode.QuickPickItem & { value: string })[] = name.includes('host')
    ? snapshot.hosts.map((h) => ({ label: h.name, detail: h.uuid, value: name.includes('name') ? h.name : h.uuid }))
    : name.includes('network')
      ? snapshot.networks.map((n) => ({ label: n.name, detail: n.uuid, value: n.uuid }))
      : name.includes('vif')
        ? snapshot.vifs.map((v) => ({ label: `${snapshot.vms.find((m) => m.uuid === v.vmUuid)?.name ?? v.vmUuid} · VIF ${v.device}`, detail: v.uuid, value: v.uuid }))
        : name.includes('pool')
          ? [{ label: snapshot.pool.name, detail: snapshot.pool.uuid, value: snapshot.pool.uuid }]
          : snapshot.vms.map((v) => ({ label: v.name, description: v.powerState, detail: v.uuid, value: v.uuid }));
  return (await vscode.window.showQuickPick(items, { title: `Value for ${placeholder}`, matchOnDetail: true }))?.value;
}
