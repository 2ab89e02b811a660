import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { XcpngLabApi } from '../../../src/extension';
import type { ConfirmQuestion } from '../../../src/core/ops/confirm';
import { argvLog, openLabA, simState, type LabFixture } from './labFixture';

// Runs in a second extension host, after the first one (hostActions.test) put xcp-ng-lab3 in maintenance:
// what it recorded must survive the restart.
describe('after a VS Code reload', () => {
  let api: XcpngLabApi;
  let fixture: LabFixture;
  const asked: ConfirmQuestion[] = [];

  before(async () => {
    ({ api, fixture } = await openLabA(async (q) => {
      asked.push(q);
      return true;
    }));
  });

  it('exits maintenance mode and moves the recorded VMs back', async () => {
    const monitor = api.lab.monitors.find((m) => m.target.name === 'Lab A');
    assert.ok(monitor);
    const h3 = simState(fixture.a).hosts.find((h) => h['name-label'] === 'xcp-ng-lab3');
    assert.ok(h3);
    const since = argvLog(fixture.a).length;
    await vscode.commands.executeCommand('xcpng.host.exitMaintenance', api.explorer.nodeFor(monitor.target.id, 'host', h3.uuid));
    const sent = argvLog(fixture.a).slice(since).filter((c) => !/-list$/.test(c[1] ?? ''));
    assert.deepEqual(sent[0], ['xe', 'host-enable', `uuid=${h3.uuid}`]);
    assert.equal(asked.length, 1, 'the move back was not offered: the record did not survive the reload');
    assert.match(asked[0]?.message ?? '', /Move its 3 VM\(s\) back\?/);
    const back = sent.filter((c) => c[1] === 'vm-migrate');
    assert.equal(back.length, 3);
    assert.ok(back.every((c) => c.includes(`host-uuid=${h3.uuid}`)));
    const names = simState(fixture.a)
      .vms.filter((v) => v['resident-on'] === h3.uuid && v['power-state'] === 'running' && v['is-control-domain'] !== 'true')
      .map((v) => v['name-label'])
      .sort();
    assert.deepEqual(names, ['k8s-node-1', 'k8s-node-2', 'Rescue ISO boot'].sort());
  });
});
