import * as assert from 'node:assert/strict';
import type { LabSnapshot } from '../../../src/core/lab/labModel';
import { destinationHosts, preflightVmAction } from '../../../src/core/ops/preflightVmAction';
import { VM_ACTIONS, type VmActionId } from '../../../src/core/ops/vmActions';
import { loadSnapshot, named } from '../lab/snapshotFixtures';

describe('preflightVmAction (small-pool fixture)', () => {
  let snapshot: LabSnapshot;
  const uuidOf = (name: string): string => named(snapshot.vms, name).uuid;
  const hostUuid = (name: string): string => snapshot.hosts.find((h) => h.name === name)?.uuid ?? 'missing';

  before(() => {
    snapshot = loadSnapshot('small-pool');
  });

  // Each VM of the fixture against every action: exactly the power states of xe-cli.md §9 pass.
  const expectations: [string, VmActionId[]][] = [
    ['web 1', ['shutdown', 'forceShutdown', 'reboot', 'forceReboot', 'suspend']],
    ['web 2', ['start']],
    ['Windows 11 (lab)', ['forceShutdown', 'resume']],
    ['debug-paused', ['forceShutdown', 'forceReboot']],
  ];
  for (const [name, allowed] of expectations) {
    it(`allows exactly ${allowed.join(', ')} on "${name}"`, () => {
      const passing = (Object.keys(VM_ACTIONS) as VmActionId[])
        .filter((id) => !VM_ACTIONS[id].needsHost)
        .filter((id) => preflightVmAction(snapshot, VM_ACTIONS[id], uuidOf(name)).ok);
      assert.deepEqual(passing.sort(), [...allowed].sort());
    });
  }

  it('says why in words: shutting down a halted VM', () => {
    const result = preflightVmAction(snapshot, VM_ACTIONS.shutdown, uuidOf('web 2'));
    assert.deepEqual(result, { ok: false, reason: 'cannot shut down "web 2": VM is already halted' });
  });

  it('says a running VM is already running when asked to start', () => {
    const result = preflightVmAction(snapshot, VM_ACTIONS.start, uuidOf('web 1'));
    assert.equal(result.ok, false);
    assert.match(!result.ok ? result.reason : '', /VM is already running/);
  });

  it('refuses a VM that vanished', () => {
    const result = preflightVmAction(snapshot, VM_ACTIONS.start, '00000000-0000-0000-0000-000000000000');
    assert.deepEqual(result, { ok: false, reason: 'cannot start: the VM is no longer in the pool' });
  });

  it('refuses to migrate to a disabled host or to the host the VM runs on', () => {
    const toDisabled = preflightVmAction(snapshot, VM_ACTIONS.migrate, uuidOf('web 1'), hostUuid('xcp-b'));
    assert.match(!toDisabled.ok ? toDisabled.reason : '', /host xcp-b is disabled/);
    const toSame = preflightVmAction(snapshot, VM_ACTIONS.migrate, uuidOf('web 1'), hostUuid('xcp-a'));
    assert.match(!toSame.ok ? toSame.reason : '', /already runs on xcp-a/);
  });

  it('offers only enabled hosts other than the current one as destinations', () => {
    const vm = snapshot.vms.find((v) => v.name === 'web 1');
    assert.ok(vm);
    assert.deepEqual(destinationHosts(snapshot, vm).map((h) => h.name), []);
    const halted = snapshot.vms.find((v) => v.name === 'web 2');
    assert.ok(halted);
    assert.deepEqual(destinationHosts(snapshot, halted).map((h) => h.name), ['xcp-a']);
  });

  it('refuses a VM with an operation in progress', () => {
    const busy: LabSnapshot = {
      ...snapshot,
      vms: snapshot.vms.map((v) => (v.name === 'web 1' ? { ...v, currentOperations: ['clean_reboot'] } : v)),
    };
    const result = preflightVmAction(busy, VM_ACTIONS.shutdown, uuidOf('web 1'));
    assert.match(!result.ok ? result.reason : '', /busy \(clean_reboot\)/);
  });
});
