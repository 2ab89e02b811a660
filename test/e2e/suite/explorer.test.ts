import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { XcpngLabApi } from '../../../src/extension';
import type { UnknownHostKeyQuestion } from '../../../src/core/ssh/sshPrompts';
import type { ExplorerNode } from '../../../src/vscode/tree/explorerNode';
import { argvLog, configurePools, extensionApi, labFixture, simState, until, type LabFixture } from './labFixture';

const collator = new Intl.Collator(undefined, { numeric: true });

describe('pool explorer against the simulated pools over real OpenSSH', () => {
  let api: XcpngLabApi;
  let fixture: LabFixture;
  const questions: UnknownHostKeyQuestion[] = [];

  const poolNode = (name: string): ExplorerNode => {
    const node = api.explorer.getChildren().find((n) => api.explorer.getTreeItem(n).label === name);
    assert.ok(node, `no pool node "${name}"`);
    return node;
  };
  const label = (node: ExplorerNode): string => String(api.explorer.getTreeItem(node).label);
  const icon = (node: ExplorerNode): string => (api.explorer.getTreeItem(node).iconPath as vscode.ThemeIcon).id;

  before(async () => {
    fixture = labFixture();
    api = await extensionApi();
    api.prompts.override = {
      confirmUnknownHostKey: async (question) => {
        questions.push(question);
        return true;
      },
    };
    await configurePools(api, fixture);
    await vscode.commands.executeCommand('xcpng.explorer.focus');
    // Expanding a pool is what loads it; the view's own rendering does the same.
    for (const node of api.explorer.getChildren()) api.explorer.getChildren(node);
    await until('every pool to finish its first read', () => api.lab.monitors.every((m) => m.status.kind === 'ready' || m.status.kind === 'failed'), 30_000);
  });

  it('lists the pools by name, in natural order', () => {
    assert.deepEqual(api.explorer.getChildren().map(label), ['Dead pool', 'Lab A', 'Lab B (changed key)']);
  });

  it('asks once about the unknown host key, with its OpenSSH SHA256 fingerprint, and remembers the answer', async () => {
    assert.equal(questions.length, 1);
    assert.equal(questions[0]?.fingerprint, fixture.a.fingerprint);
    assert.equal(questions[0]?.port, fixture.a.port);
    const monitor = api.lab.monitors.find((m) => m.target.name === 'Lab A');
    assert.ok(monitor);
    await monitor.refresh();
    assert.equal(questions.length, 1, 'asked again for a key already trusted');
  });

  it('shows hosts, the VMs resident on each, and halted VMs in their own group, as the pool state says', () => {
    const state = simState(fixture.a);
    const node = poolNode('Lab A');
    const children = api.explorer.getChildren(node);
    const hostNodes = children.filter((n) => n.kind === 'host');
    const expectedHosts = state.hosts.map((h) => String(h['name-label'])).sort(collator.compare);
    assert.deepEqual(hostNodes.map(label), expectedHosts);
    // The state keeps xe's field values: booleans as the strings xe prints.
    const yes = (value: unknown): boolean => value === true || value === 'true';
    const guests = state.vms.filter((v) => !yes(v['is-control-domain']) && !yes(v['is-a-template']) && !yes(v['is-a-snapshot']));
    for (const hostNode of hostNodes) {
      const host = state.hosts.find((h) => h['name-label'] === label(hostNode));
      const expected = guests
        .filter((v) => v['resident-on'] === host?.uuid && (v['power-state'] === 'running' || v['power-state'] === 'paused'))
        .map((v) => String(v['name-label']))
        .sort(collator.compare);
      assert.deepEqual(api.explorer.getChildren(hostNode).filter((n) => n.kind === 'vm').map(label), expected, `VMs under ${label(hostNode)}`);
    }
    const group = children.find((n) => n.kind === 'notRunning');
    assert.ok(group, 'no Halted VMs group');
    const idle = guests.filter((v) => v['power-state'] === 'halted' || v['power-state'] === 'suspended').map((v) => String(v['name-label']));
    assert.deepEqual(api.explorer.getChildren(group).map(label), idle.sort(collator.compare));
  });

  it('gives each VM the icon of its power state', () => {
    const state = simState(fixture.a);
    const expectedIcon: Record<string, string> = { running: 'vm-running', halted: 'vm-outline', suspended: 'debug-pause', paused: 'debug-pause' };
    const node = poolNode('Lab A');
    const vmNodes = api.explorer.getChildren(node).flatMap((n) => api.explorer.getChildren(n)).filter((n) => n.kind === 'vm');
    assert.ok(vmNodes.length >= 8, `only ${vmNodes.length} VMs shown`);
    const seen = new Set<string>();
    for (const vmNode of vmNodes) {
      const vm = state.vms.find((v) => v['name-label'] === label(vmNode));
      const power = String(vm?.['power-state']);
      seen.add(power);
      assert.equal(icon(vmNode), expectedIcon[power], `icon of ${label(vmNode)} (${power})`);
    }
    assert.ok(seen.has('running') && seen.has('halted'), 'the scenario should have running and halted VMs');
  });

  it('shows an unreachable pool as an error node with a retry, while the other pool loads', () => {
    const dead = api.lab.monitors.find((m) => m.target.name === 'Dead pool');
    assert.equal(dead?.status.kind, 'failed');
    const [message] = api.explorer.getChildren(poolNode('Dead pool'));
    assert.ok(message && message.kind === 'message' && message.retry === true);
    assert.match(label(message), /refused|ECONNREFUSED/i);
    assert.equal(api.explorer.getTreeItem(message).command?.command, 'xcpng.pool.retry');
    assert.equal(api.lab.monitors.find((m) => m.target.name === 'Lab A')?.status.kind, 'ready');
  });

  it('refuses a changed host key: nothing is sent, and the message shows both fingerprints', () => {
    const changed = api.lab.monitors.find((m) => m.target.name === 'Lab B (changed key)');
    const status = changed?.status;
    assert.ok(status?.kind === 'failed', `Lab B is ${status?.kind}`);
    assert.equal(status.error.name, 'HostKeyError');
    assert.ok(status.error.message.includes(fixture.b.fingerprint), 'new fingerprint missing from the message');
    assert.ok(status.error.message.includes(fixture.a.fingerprint), 'recorded fingerprint missing from the message');
    assert.deepEqual(argvLog(fixture.b), [], 'a command reached the host whose key changed');
  });

  it('reads a pool with one exec per refresh', async () => {
    const monitor = api.lab.monitors.find((m) => m.target.name === 'Lab A');
    assert.ok(monitor);
    // No timed refresh may interleave with the one measured.
    const config = vscode.workspace.getConfiguration('xcpng');
    await config.update('explorer.refreshInterval', 0, vscode.ConfigurationTarget.Workspace);
    await until('no refresh in flight', () => !monitor.refreshing);
    const execs: string[][] = [];
    const subscription = api.lab.onDidLogCommand((entry) => execs.push([...entry.argv]));
    const before = argvLog(fixture.a).length;
    const state = simState(fixture.a);
    await monitor.refreshAfterChange();
    subscription.dispose();
    await config.update('explorer.refreshInterval', 2, vscode.ConfigurationTarget.Workspace);
    assert.equal(execs.length, 1, `${execs.length} SSH execs for one refresh`);
    const calls = argvLog(fixture.a).slice(before);
    // One exec runs the batched script: one xe call per object class, never one per VM.
    assert.ok(calls.length <= 8, `${calls.length} xe calls for one refresh`);
    assert.ok(state.vms.length > calls.length);
    assert.ok(calls.every((c) => c[0] === 'xe' && /-list$/.test(c[1] ?? '')), JSON.stringify(calls));
  });

  it('sends nothing while the view is hidden, and refreshes again once it is shown', async () => {
    await vscode.commands.executeCommand('workbench.view.explorer');
    await until('the XCP-ng view to be hidden', () => !api.treeView.visible);
    // Let a refresh that was already running when the view hid finish writing its calls.
    await until('no refresh in flight', () => api.lab.monitors.every((m) => !m.refreshing));
    const before = argvLog(fixture.a).length;
    // Three refresh intervals (2 s each) with the view hidden.
    await new Promise((r) => setTimeout(r, 6500));
    assert.equal(argvLog(fixture.a).length, before, 'xe ran while the view was hidden');
    await vscode.commands.executeCommand('xcpng.explorer.focus');
    await until('a refresh after the view is shown again', () => argvLog(fixture.a).length > before, 15_000);
  });
});
