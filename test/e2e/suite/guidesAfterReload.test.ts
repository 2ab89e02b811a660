import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { XcpngLabApi } from '../../../src/extension';
import type { RunbookRecord } from '../../../src/core/ops/runbook/runbookJournal';
import { argvLog, openLabA, simState, type LabFixture } from './labFixture';

// Second extension host: guides.test left a Router VM runbook on db01 stopped before its restart. The
// journal (workspace state) must bring it back at that step: no param-set again, only the shut down + start.
describe('a runbook after a VS Code reload', () => {
  let api: XcpngLabApi;
  let fixture: LabFixture;

  before(async () => {
    ({ api, fixture } = await openLabA(async () => true));
  });

  after(() => {
    api.confirm.override = undefined;
  });

  it('resumes the Router VM runbook at the restart step', async () => {
    const monitor = api.lab.monitors.find((m) => m.target.name === 'Lab A');
    assert.ok(monitor);
    const db = simState(fixture.a).vms.find((v) => v['name-description'] === 'PostgreSQL 16');
    assert.ok(db);
    const since = argvLog(fixture.a).length;
    const record = await vscode.commands.executeCommand<RunbookRecord>('xcpng.guide.resume', { guideId: 'routerVm', poolId: monitor.target.id, targetUuid: db.uuid });
    const sent = argvLog(fixture.a)
      .slice(since)
      .filter((c) => !/-list$/.test(c[1] ?? ''));
    assert.deepEqual(sent, [
      ['xe', 'vm-shutdown', `uuid=${db.uuid}`],
      ['xe', 'vm-start', `uuid=${db.uuid}`],
    ]);
    assert.deepEqual(record?.steps.map((s) => [s.id, s.state]), [
      ['mark', 'done'],
      ['ethtool', 'done'],
      ['restart', 'done'],
      ['guest', 'manual'],
    ]);
    assert.equal(record?.finished, true);
  });
});
