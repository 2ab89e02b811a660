import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { XcpngLabApi } from '../../../src/extension';
import type { ConfirmQuestion } from '../../../src/core/ops/confirm';
import { argvLog, labAMonitor, openLabA, simState, until, type LabFixture, type SimRecord } from './labFixture';

const yes = (value: unknown): boolean => value === true || value === 'true';

describe('host actions against the simulated pool', () => {
  let api: XcpngLabApi;
  let fixture: LabFixture;
  let asked: ConfirmQuestion[] = [];
  let answer: (q: ConfirmQuestion) => boolean = () => true;

  const monitor = () => labAMonitor(api);
  const host = (name: string): SimRecord => {
    const h = simState(fixture.a).hosts.find((x) => x['name-label'] === name);
    assert.ok(h, `no host ${name}`);
    return h;
  };
  const guestsOn = (hostUuid: string): SimRecord[] =>
    simState(fixture.a).vms.filter(
      (v) => v['resident-on'] === hostUuid && v['power-state'] === 'running' && !yes(v['is-control-domain']),
    );
  const hostNode = (uuid: string) => api.explorer.nodeFor(monitor().target.id, 'host', uuid);
  const calls = (since: number): string[][] => argvLog(fixture.a).slice(since).filter((c) => !/-list$/.test(c[1] ?? ''));

  before(async () => {
    ({ api, fixture } = await openLabA(async (q) => {
      asked.push(q);
      return answer(q);
    }));
  });

  beforeEach(() => {
    asked = [];
    answer = () => true;
  });

  after(() => {
    api.confirm.override = undefined;
  });

  it('enters maintenance mode: disables the host, moves each VM live, marks it, and the tree shows it', async () => {
    const h3 = host('xcp-ng-lab3');
    const residents = guestsOn(h3.uuid);
    assert.ok(residents.length >= 2, 'the scenario should run VMs on xcp-ng-lab3');
    const since = argvLog(fixture.a).length;
    await vscode.commands.executeCommand('xcpng.host.enterMaintenance', hostNode(h3.uuid));
    assert.equal(asked.length, 1);
    assert.match(asked[0]?.detail ?? '', new RegExp(`${residents.length} running VM\\(s\\) are migrated live`));
    const sent = calls(since);
    assert.deepEqual(sent[0], ['xe', 'host-disable', `uuid=${h3.uuid}`]);
    const migrations = sent.filter((c) => c[1] === 'vm-migrate');
    assert.deepEqual(migrations.map((c) => c[2]).sort(), residents.map((v) => `uuid=${v.uuid}`).sort());
    assert.ok(migrations.every((c) => c.includes('live=true') && !c.includes(`host-uuid=${h3.uuid}`)));
    assert.deepEqual(sent.at(-1), ['xe', 'host-param-set', `uuid=${h3.uuid}`, 'other-config:MAINTENANCE_MODE=true']);
    assert.equal(host('xcp-ng-lab3')['enabled'], 'false');
    assert.deepEqual(guestsOn(h3.uuid), []);
    const item = api.explorer.getTreeItem(hostNode(h3.uuid));
    assert.match(String(item.description), /^maintenance/);
    assert.equal(item.contextValue, 'host:disabled:maintenance');
    assert.deepEqual(api.explorer.getChildren(hostNode(h3.uuid)), []);
  });

  it('refuses maintenance before touching the host when the other hosts lack the memory', async () => {
    // xcp-ng-lab3 is in maintenance now: xcp-ng-lab2 alone cannot take all of xcp-ng-lab1's VMs.
    const h1 = host('xcp-ng-lab1');
    const since = argvLog(fixture.a).length;
    await vscode.commands.executeCommand('xcpng.host.enterMaintenance', hostNode(h1.uuid));
    assert.deepEqual(calls(since), []);
    assert.equal(asked.length, 0);
    await vscode.commands.executeCommand('xcpng.log.show');
    await until('the refusal in the log', () =>
      vscode.workspace.textDocuments.some((d) => d.uri.scheme === 'output' && /cannot enter maintenance mode on xcp-ng-lab1: .*cannot move/.test(d.getText())),
    );
  });

  it('asks before rebooting the pool master, and sends nothing when declined', async () => {
    const h1 = host('xcp-ng-lab1');
    answer = () => false;
    const since = argvLog(fixture.a).length;
    await vscode.commands.executeCommand('xcpng.host.reboot', hostNode(h1.uuid));
    assert.equal(asked.length, 1);
    assert.match(asked[0]?.message ?? '', /is the pool master/);
    assert.deepEqual(calls(since), []);
  });

  it('reboots a host in maintenance after one confirmation', async () => {
    const h3 = host('xcp-ng-lab3');
    const since = argvLog(fixture.a).length;
    await vscode.commands.executeCommand('xcpng.host.reboot', hostNode(h3.uuid));
    assert.equal(asked.length, 1);
    assert.match(asked[0]?.message ?? '', /^Reboot xcp-ng-lab3\?/);
    assert.deepEqual(calls(since), [['xe', 'host-reboot', `uuid=${h3.uuid}`]]);
  });

  it('re-enables the host and names the VM when one cannot move', async () => {
    const h1 = host('xcp-ng-lab1');
    // The reboot above re-enabled xcp-ng-lab3, so there is memory; the VMs on local storage still cannot move.
    const since = argvLog(fixture.a).length;
    await vscode.commands.executeCommand('xcpng.host.enterMaintenance', hostNode(h1.uuid));
    const sent = calls(since);
    assert.deepEqual(sent[0], ['xe', 'host-disable', `uuid=${h1.uuid}`]);
    assert.deepEqual(sent.at(-1), ['xe', 'host-enable', `uuid=${h1.uuid}`], 'the host was not enabled again');
    assert.equal(host('xcp-ng-lab1')['enabled'], 'true');
    await vscode.commands.executeCommand('xcpng.log.show');
    await until('the failed move in the log', () =>
      vscode.workspace.textDocuments.some((d) => d.uri.scheme === 'output' && /cannot move "[^"]+" off xcp-ng-lab1: .*xcp-ng-lab1 was enabled again/.test(d.getText())),
    );
  });

  it('offers to evacuate an enabled host before rebooting it instead of failing', async () => {
    const h2 = host('xcp-ng-lab2');
    // Decline the evacuation: the offer itself is what is checked here.
    answer = () => false;
    const since = argvLog(fixture.a).length;
    await vscode.commands.executeCommand('xcpng.host.reboot', hostNode(h2.uuid));
    assert.equal(asked.length, 1);
    assert.equal(asked[0]?.action, 'Evacuate and Reboot');
    assert.match(asked[0]?.detail ?? '', /Then the host will reboot\. It enables itself again when it boots\./);
    assert.deepEqual(calls(since), []);
  });
});
