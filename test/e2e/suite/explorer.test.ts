import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { XcpngLabApi } from '../../../src/extension';
import type { UnknownHostKeyQuestion } from '../../../src/core/ssh/sshPrompts';
import type { ExplorerNode } from '../../../src/vscode/tree/explorerNode';
import { argvLog, configurePools, extensionApi, labFixture, simState, until, type LabFixture, type SimRecord } from './labFixture';

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

  it('lists the pool\'s storage repositories in a collapsed Storage group, with type, host, size and usage', async () => {
    const srs = (simState(fixture.a) as unknown as { srs: SimRecord[] }).srs;
    const group = api.explorer.getChildren(poolNode('Lab A')).find((n) => n.kind === 'storage');
    assert.ok(group, 'no Storage group');
    const groupItem = api.explorer.getTreeItem(group);
    assert.equal(groupItem.label, 'Storage');
    assert.equal(groupItem.collapsibleState, vscode.TreeItemCollapsibleState.Collapsed);
    assert.equal(groupItem.description, String(srs.length));
    assert.equal(groupItem.contextValue, 'group:storage');
    const nodes = api.explorer.getChildren(group);
    assert.deepEqual(nodes.map(label), srs.map((r) => String(r['name-label'])).sort(collator.compare));
    assert.ok(nodes.every((n) => api.explorer.getParent(n) === group), 'an SR node does not lead back to its group');
    const byName = (name: string): vscode.TreeItem => {
      const node = nodes.find((n) => label(n) === name);
      assert.ok(node, name);
      return api.explorer.getTreeItem(node);
    };
    // small-lab: NAS NFS is 7450 GiB with 2210 GiB used; the Tools ISO SR reports -1 for its sizes.
    const nfs = byName('NAS NFS');
    assert.equal(nfs.description, 'nfs · shared · 7.3 TiB · 30% used');
    assert.equal(nfs.contextValue, 'sr:shared');
    assert.equal((nfs.iconPath as vscode.ThemeIcon).id, 'database');
    const tools = byName('XCP-ng Tools');
    assert.equal(tools.description, 'iso · shared');
    assert.equal((tools.iconPath as vscode.ThemeIcon).id, 'disc');
    const dvd = byName('DVD drives');
    assert.equal(dvd.contextValue, 'sr:local');
    const locals = nodes.filter((n) => label(n) === 'Local storage').map((n) => String(api.explorer.getTreeItem(n).description));
    const hostNames = simState(fixture.a).hosts.map((h) => String(h['name-label']));
    assert.equal(locals.length, 3);
    assert.ok(locals.every((d) => hostNames.some((h) => d.includes(` · ${h} · `))), `local SRs without their host: ${locals.join(' | ')}`);
    const record = srs.find((r) => r['name-label'] === 'NAS NFS');
    const tooltip = (nfs.tooltip as vscode.MarkdownString).value;
    assert.ok(tooltip.includes(`\`${String(record?.uuid)}\``), tooltip);
    assert.match(tooltip, /Host: shared/);

    const nfsNode = nodes.find((n) => label(n) === 'NAS NFS');
    await vscode.commands.executeCommand('xcpng.node.copyUuid', nfsNode);
    assert.equal(await vscode.env.clipboard.readText(), record?.uuid);
    await vscode.commands.executeCommand('xcpng.node.copyName', nfsNode);
    assert.equal(await vscode.env.clipboard.readText(), 'NAS NFS');
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
