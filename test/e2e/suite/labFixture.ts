import * as fs from 'node:fs';
import * as vscode from 'vscode';
import * as assert from 'node:assert/strict';
import type { XcpngLabApi } from '../../../src/extension';
import type { ConfirmQuestion } from '../../../src/core/ops/confirm';
import type { PoolMonitor } from '../../../src/core/lab/poolMonitor';

/** One simulated pool of the run, as scripts/runE2e.mjs started it. */
export interface SimPool {
  readonly host: string;
  readonly port: number;
  readonly user: string;
  readonly key: string;
  readonly fingerprint: string;
  readonly argvLog: string;
  readonly stateFile: string;
  readonly dir: string;
}

export interface LabFixture {
  readonly a: SimPool;
  readonly b: SimPool;
  readonly deadPort: number;
  readonly knownHostsFile: string;
}

export function labFixture(): LabFixture {
  const raw = process.env.XCPNG_E2E_LAB;
  if (!raw) throw new Error('XCPNG_E2E_LAB is not set: run the suite through scripts/runE2e.mjs');
  return JSON.parse(raw) as LabFixture;
}

export async function extensionApi(): Promise<XcpngLabApi> {
  const extension = vscode.extensions.getExtension<XcpngLabApi>('xcpng-lab.xcpng-lab');
  if (!extension) throw new Error('extension not found');
  return extension.activate();
}

/** What the simulated host's stand-ins received, one argv per call. */
export function argvLog(pool: SimPool): string[][] {
  if (!fs.existsSync(pool.argvLog)) return [];
  return fs
    .readFileSync(pool.argvLog, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as string[]);
}

export interface SimRecord {
  readonly uuid: string;
  readonly [field: string]: unknown;
}

export interface SimState {
  readonly pool: SimRecord;
  readonly hosts: SimRecord[];
  readonly vms: SimRecord[];
}

/** Lab A's monitor, which the suites that act on the pool share. */
export function labAMonitor(api: XcpngLabApi): PoolMonitor {
  const monitor = api.lab.monitors.find((m) => m.target.name === 'Lab A');
  if (!monitor) throw new Error('Lab A is not configured');
  return monitor;
}

/** A VM of the simulated pool's state file by name; throws when there is none. */
export function simVm(pool: SimPool, name: string): SimRecord {
  const vm = simState(pool).vms.find((v) => v['name-label'] === name);
  if (!vm) throw new Error(`no VM ${name} in the simulated pool`);
  return vm;
}

export function simState(pool: SimPool): SimState {
  return JSON.parse(fs.readFileSync(pool.stateFile, 'utf8')) as SimState;
}

/**
 * Waits for a condition that an event of the extension drives, checking after each event and on a slow tick
 * (some state, like the sim's files, has no event). Fails with the description when the time is up.
 */
export async function until<T>(what: string, probe: () => T | undefined | false, timeoutMs = 20_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export function poolSettings(fixture: LabFixture): object[] {
  return [
    { name: 'Lab A', host: fixture.a.host, port: fixture.a.port, user: fixture.a.user, identityFile: fixture.a.key },
    { name: 'Lab B (changed key)', host: fixture.b.host, port: fixture.b.port, user: fixture.b.user, identityFile: fixture.b.key },
    { name: 'Dead pool', host: '127.0.0.1', port: fixture.deadPort, user: 'root', identityFile: fixture.a.key },
  ];
}

/** Points the extension at the fixture's pools, with the fixture's known_hosts file only. */
export async function configurePools(api: XcpngLabApi, fixture: LabFixture, pools = poolSettings(fixture)): Promise<void> {
  const config = vscode.workspace.getConfiguration('xcpng');
  await config.update('ssh.knownHostsFiles', [fixture.knownHostsFile], vscode.ConfigurationTarget.Workspace);
  await config.update('explorer.refreshInterval', 2, vscode.ConfigurationTarget.Workspace);
  await config.update('pools', pools, vscode.ConfigurationTarget.Workspace);
  await until('the pools to be loaded from the settings', () => api.lab.monitors.length === pools.length);
}

/** Replaces the first occurrence of `from` in the editor's document, as a user's edit would. */
export async function replaceText(editor: vscode.TextEditor, from: string, to: string): Promise<void> {
  const text = editor.document.getText();
  const at = text.indexOf(from);
  assert.ok(at >= 0, `"${from}" not found in ${editor.document.uri.toString()}`);
  const range = new vscode.Range(editor.document.positionAt(at), editor.document.positionAt(at + from.length));
  assert.ok(await editor.edit((b) => b.replace(range, to)));
}

/**
 * The start of a suite that acts on Lab A: the fixture and the extension, Lab A's host key trusted, modals
 * answered by `confirm` (declined when a suite expects none), the pools loaded and the view shown, once Lab A's
 * first snapshot is in.
 */
export async function openLabA(confirm: (question: ConfirmQuestion) => Promise<boolean> = async () => false): Promise<{ api: XcpngLabApi; fixture: LabFixture }> {
  const fixture = labFixture();
  const api = await extensionApi();
  api.prompts.override = { confirmUnknownHostKey: async () => true };
  api.confirm.override = confirm;
  await configurePools(api, fixture);
  await vscode.commands.executeCommand('xcpng.explorer.focus');
  const monitor = labAMonitor(api);
  await monitor.refreshAfterChange();
  if (monitor.status.kind !== 'ready') throw new Error(`Lab A did not load: ${monitor.status.kind}`);
  return { api, fixture };
}
