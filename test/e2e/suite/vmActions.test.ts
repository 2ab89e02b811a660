import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { XcpngLabApi } from '../../../src/extension';
import type { ConfirmQuestion } from '../../../src/core/ops/confirm';
import type { ExplorerNode } from '../../../src/vscode/tree/explorerNode';
import { argvLog, labAMonitor, openLabA, simVm, simState, until, type LabFixture, type SimRecord } from './labFixture';

describe('VM actions against the simulated pool', () => {
  let api: XcpngLabApi;
  let fixture: LabFixture;
  const asked: ConfirmQuestion[] = [];
  let answer = true;

  const monitor = () => labAMonitor(api);
  const vmRecord = (name: string): SimRecord => simVm(fixture.a, name);
  const hostRecord = (name: string): SimRecord => {
    const host = simState(fixture.a).hosts.find((h) => h['name-label'] === name);
    assert.ok(host, `no host ${name}`);
    return host;
  };
  const vmNode = (uuid: string): ExplorerNode => api.explorer.nodeFor(monitor().target.id, 'vm', uuid);
  /** The xe calls an action made, without the snapshot reads around it. */
  const actionCalls = (since: number): string[][] => argvLog(fixture.a).slice(since).filter((c) => !/-list$/.test(c[1] ?? ''));

  before(async () => {
    ({ api, fixture } = await openLabA(async (question) => (asked.push(question), answer)));
  });

  after(() => {
    api.confirm.override = undefined;
  });

  it('shuts down a running VM by uuid, verifies it, and moves it to the halted group', async () => {
    const vm = vmRecord('web01');
    assert.equal(vm['power-state'], 'running');
    const since = argvLog(fixture.a).length;
    await vscode.commands.executeCommand('xcpng.vm.shutdown', vmNode(vm.uuid));
    assert.deepEqual(actionCalls(since), [['xe', 'vm-shutdown', `uuid=${vm.uuid}`]]);
    assert.equal(vmRecord('web01')['power-state'], 'halted');
    assert.equal(api.explorer.getParent(vmNode(vm.uuid))?.kind, 'notRunning');
    assert.equal((api.explorer.getTreeItem(vmNode(vm.uuid)).iconPath as vscode.ThemeIcon).id, 'vm-outline');
    assert.equal(asked.length, 0, 'a clean shutdown should not ask');
  });

  it('starts it on the host the user picked, and shows it under that host', async () => {
    const vm = vmRecord('web01');
    const host = hostRecord('xcp-ng-lab2');
    const since = argvLog(fixture.a).length;
    await vscode.commands.executeCommand('xcpng.vm.startOn', vmNode(vm.uuid), undefined, { hostUuid: host.uuid });
    assert.deepEqual(actionCalls(since), [['xe', 'vm-start', `uuid=${vm.uuid}`, `on=${host.uuid}`]]);
    assert.equal(vmRecord('web01')['resident-on'], host.uuid);
    assert.equal(api.explorer.getParent(vmNode(vm.uuid))?.id, api.explorer.nodeFor(monitor().target.id, 'host', host.uuid).id);
  });

  it('migrates a running VM to another host', async () => {
    const vm = vmRecord('web01');
    const host = hostRecord('xcp-ng-lab1');
    const since = argvLog(fixture.a).length;
    await vscode.commands.executeCommand('xcpng.vm.migrate', vmNode(vm.uuid), undefined, { hostUuid: host.uuid });
    assert.deepEqual(actionCalls(since), [['xe', 'vm-migrate', `uuid=${vm.uuid}`, `host-uuid=${host.uuid}`]]);
    assert.equal(vmRecord('web01')['resident-on'], host.uuid);
  });

  it('asks before a forced shutdown, and sends nothing when the user declines', async () => {
    const vm = vmRecord('web01');
    answer = false;
    let since = argvLog(fixture.a).length;
    await vscode.commands.executeCommand('xcpng.vm.forceShutdown', vmNode(vm.uuid));
    assert.equal(asked.length, 1);
    assert.match(asked[0]?.message ?? '', /Force shut down "web01"\?/);
    assert.deepEqual(actionCalls(since), []);
    assert.equal(vmRecord('web01')['power-state'], 'running');
    answer = true;
    since = argvLog(fixture.a).length;
    await vscode.commands.executeCommand('xcpng.vm.forceShutdown', vmNode(vm.uuid));
    assert.deepEqual(actionCalls(since), [['xe', 'vm-shutdown', `uuid=${vm.uuid}`, '--force']]);
    assert.equal(vmRecord('web01')['power-state'], 'halted');
  });

  it('refuses an action the power state does not allow, before sending anything', async () => {
    const vm = vmRecord('web01');
    const since = argvLog(fixture.a).length;
    await vscode.commands.executeCommand('xcpng.vm.resume', vmNode(vm.uuid));
    assert.deepEqual(actionCalls(since), []);
    await vscode.commands.executeCommand('xcpng.log.show');
    await until('the refusal in the log', () =>
      vscode.workspace.textDocuments.some((d) => d.uri.scheme === 'output' && d.getText().includes('cannot resume "web01": VM is halted')),
    );
  });

  it('runs a double-clicked action once', async () => {
    const vm = vmRecord('web01');
    const since = argvLog(fixture.a).length;
    await Promise.all([
      vscode.commands.executeCommand('xcpng.vm.start', vmNode(vm.uuid)),
      vscode.commands.executeCommand('xcpng.vm.start', vmNode(vm.uuid)),
    ]);
    assert.deepEqual(actionCalls(since), [['xe', 'vm-start', `uuid=${vm.uuid}`]]);
    assert.equal(vmRecord('web01')['power-state'], 'running');
  });

  it('turns on auto power on for a VM and, when missing, for the pool too', async () => {
    const connection = api.lab.connection(monitor().target);
    const pool = simState(fixture.a).pool;
    const cleared = await connection.exec(['xe', 'pool-param-remove', `uuid=${pool.uuid}`, 'param-name=other-config', 'param-key=auto_poweron']);
    assert.equal(cleared.code, 0, cleared.stderr);
    await monitor().refreshAfterChange();
    const vm = vmRecord('k8s-node-1');
    const since = argvLog(fixture.a).length;
    await vscode.commands.executeCommand('xcpng.vm.toggleAutoPowerOn', vmNode(vm.uuid));
    assert.deepEqual(actionCalls(since), [
      ['xe', 'pool-param-set', `uuid=${pool.uuid}`, 'other-config:auto_poweron=true'],
      ['xe', 'vm-param-set', `uuid=${vm.uuid}`, 'other-config:auto_poweron=true'],
    ]);
    assert.equal((simState(fixture.a).pool['other-config'] as Record<string, string>)['auto_poweron'], 'true');
    assert.equal((vmRecord('k8s-node-1')['other-config'] as Record<string, string>)['auto_poweron'], 'true');
    assert.match(String(api.explorer.getTreeItem(vmNode(vm.uuid)).contextValue), /:autopoweron/);
  });

  it('shows a VM\'s vm-param-list in a read-only editor', async () => {
    const vm = vmRecord('k8s-node-2');
    await vscode.commands.executeCommand('xcpng.vm.showDetails', vmNode(vm.uuid));
    const editor = await until('the details editor', () => vscode.window.activeTextEditor?.document.uri.scheme === 'xcpng-details' && vscode.window.activeTextEditor);
    const text = editor.document.getText();
    assert.match(text, new RegExp(`^uuid \\( RO\\)\\s*: ${vm.uuid}$`, 'm'));
    assert.match(text, /^\s*name-label \( RW\): k8s-node-2$/m);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  it('shows a hostile VM name literally and acts on it by uuid only', async () => {
    const vm = vmRecord('db01');
    const hostile = `-db'01 "$(touch /tmp/pwned)" \`id\`; rm -rf / #ünï`;
    const connection = api.lab.connection(monitor().target);
    const rename = await connection.exec(['xe', 'vm-param-set', `uuid=${vm.uuid}`, `name-label=${hostile}`]);
    assert.equal(rename.code, 0, rename.stderr);
    assert.equal(vmRecord(hostile).uuid, vm.uuid, 'the name did not arrive literally');
    await monitor().refreshAfterChange();
    assert.equal(api.explorer.getTreeItem(vmNode(vm.uuid)).label, hostile);
    const since = argvLog(fixture.a).length;
    await vscode.commands.executeCommand('xcpng.vm.shutdown', vmNode(vm.uuid));
    assert.deepEqual(actionCalls(since), [['xe', 'vm-shutdown', `uuid=${vm.uuid}`]]);
    assert.equal(vmRecord(hostile)['power-state'], 'halted');
  });
});
