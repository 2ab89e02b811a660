import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { diffSnapshots } from '../../../src/core/lab/diffSnapshots';
import type { LabSnapshot } from '../../../src/core/lab/labModel';
import { querySnapshot } from '../../../src/core/lab/querySnapshot';
import { runXe } from '../../../src/core/xe/runXe';
import { vmShutdown, vmStart } from '../../../src/core/xe/vmCommands';
import { XeError } from '../../../src/core/xe/xeError';
import { readArgvLog } from '../../sim/argvLog';
import { prepareSimDir } from '../../sim/prepareSimDir';
import type { SimRecord, SimState } from '../../sim/state/simState';
import type { SimPaths } from '../../sim/state/simPaths';
import { StateStore } from '../../sim/state/stateStore';
import { fixturePath } from '../../unit/xe/fixtures';
import { LocalExec } from './localExec';

/** Guests as xe vm-list shows them: no templates, no snapshots, no control domains. */
function guestsOf(state: SimState): SimRecord[] {
  // The state keeps booleans as xe prints them or as JSON booleans; a missing one is false.
  const isTrue = (v: SimRecord, field: string): boolean => String(v[field]) === 'true';
  return state.vms.filter((v) => !isTrue(v, 'is-a-template') && !isTrue(v, 'is-a-snapshot') && !isTrue(v, 'is-control-domain'));
}

describe('snapshot against the lab simulator, run by sh on this machine', () => {
  const dirs: string[] = [];
  const prepare = (scenario: string): { paths: SimPaths; exec: LocalExec } => {
    const dir = mkdtempSync(join(tmpdir(), 'xcpng-lab-snapshot-'));
    dirs.push(dir);
    const paths = prepareSimDir(dir, scenario);
    return { paths, exec: new LocalExec(`${paths.bin}:/usr/bin:/bin`) };
  };
  const state = (paths: SimPaths): SimState => new StateStore(paths).read();
  after(() => {
    for (const dir of dirs) {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reads the whole small lab in one exec, strict, matching the simulator state', async () => {
    const { paths, exec } = prepare('small-lab');
    const snapshot = await querySnapshot(exec, { strict: true });
    assert.equal(exec.calls, 1);
    const sim = state(paths);
    assert.equal(snapshot.pool.uuid, sim.pool.uuid);
    assert.equal(snapshot.pool.masterUuid, sim.pool['master']);
    assert.deepEqual(snapshot.hosts.map((h) => h.uuid).sort(), sim.hosts.map((h) => h.uuid).sort());
    const guests = guestsOf(sim);
    assert.deepEqual(snapshot.vms.map((v) => v.uuid).sort(), guests.map((v) => v.uuid).sort());
    for (const vm of snapshot.vms) {
      const simVm = guests.find((g) => g.uuid === vm.uuid);
      assert.equal(vm.name, simVm?.['name-label']);
      assert.equal(vm.powerState, simVm?.['power-state']);
    }
    assert.equal(snapshot.controlDomains.length, sim.hosts.length);
    assert.equal(snapshot.vifs.length, sim.vifs.length);
    assert.equal(snapshot.srs.length, sim.srs.length);
    assert.ok(snapshot.hosts.every((h) => h.version.release === '8.3'));
  });

  it('made the stand-in run one xe call per section, vm-list filtered to guests', async () => {
    const { paths, exec } = prepare('small-lab');
    await querySnapshot(exec, { strict: true });
    const calls = readArgvLog(paths.argvLogFile);
    // They run at once: the log holds them in whatever order they started.
    assert.deepEqual(
      calls.map((c) => c[1]).sort(),
      ['host-list', 'network-list', 'pif-list', 'pool-list', 'sr-list', 'vif-list', 'vm-list'],
    );
    const vmList = calls.find((c) => c[1] === 'vm-list') ?? [];
    assert.ok(vmList.includes('is-a-template=false') && vmList.includes('is-a-snapshot=false'));
  });

  it('sees an action in the next snapshot, and the diff names the VM and its fields', async () => {
    const { exec } = prepare('small-lab');
    const before = await querySnapshot(exec, { strict: true });
    const web = before.vms.find((v) => v.name === 'web01');
    assert.ok(web && web.powerState === 'running');
    await runXe(exec, vmShutdown(web.uuid));
    const after = await querySnapshot(exec, { strict: true });
    const change = diffSnapshots(before, after).find((c) => c.uuid === web.uuid);
    assert.equal(change?.type, 'changed');
    assert.ok(change?.type === 'changed' && change.fields.includes('powerState') && change.fields.includes('residentOn'));
    assert.equal(after.vms.find((v) => v.uuid === web.uuid)?.powerState, 'halted');
  });

  it("reads the stand-in's VM_BAD_POWER_STATE as a typed XeError", async () => {
    const { exec } = prepare('small-lab');
    const snapshot = await querySnapshot(exec);
    const running = snapshot.vms.find((v) => v.powerState === 'running');
    assert.ok(running);
    await assert.rejects(runXe(exec, vmStart(running.uuid)), (e: unknown) => {
      assert.ok(e instanceof XeError);
      assert.equal(e.code, 'VM_BAD_POWER_STATE');
      assert.equal(e.params.get('expected'), 'halted');
      assert.equal(e.params.get('actual'), 'running');
      assert.equal(e.params.get('vm'), `${running.uuid} (${running.name})`);
      return true;
    });
  });

  it('reads an 8.2 pool as 8.2', async () => {
    const { exec } = prepare('pool-82');
    const snapshot = await querySnapshot(exec, { strict: true });
    assert.ok(snapshot.hosts.length > 0 && snapshot.hosts.every((h) => h.version.release === '8.2'));
  });

  it('reads a pool with no guest VM', async () => {
    const { exec } = prepare(fixturePath('lab', 'scenarios', 'no-guests.yaml'));
    const snapshot: LabSnapshot = await querySnapshot(exec, { strict: true });
    assert.deepEqual(snapshot.vms, []);
    assert.equal(snapshot.controlDomains.length, snapshot.hosts.length);
  });

  it('says "not an XCP-ng host" where there is no xe', async () => {
    const exec = new LocalExec('/usr/bin:/bin');
    await assert.rejects(querySnapshot(exec), (e: unknown) => e instanceof XeError && e.form === 'xe-missing');
  });
});
