import assert from 'node:assert/strict';
import { enterMaintenance, exitMaintenance, moveVmsBack } from '../../../src/core/ops/hostMaintenance';
import { OperationLocks } from '../../../src/core/ops/operationLocks';
import type { PoolMonitor } from '../../../src/core/lab/poolMonitor';
import type { SimServer } from '../../sim/simServer';
import { ConnectionSetup } from '../ssh/connectionSetup';
import { openSimPool } from './openSimPool';

describe('maintenance mode against the simulator over real OpenSSH', function () {
  this.timeout(120_000);
  let sim: SimServer;
  const setup = new ConnectionSetup();
  let monitor: PoolMonitor;
  let exec: ReturnType<ConnectionSetup['connect']>;

  before(async () => {
    ({ sim, connection: exec, monitor } = await openSimPool(setup, 'maintenance'));
  });

  after(async () => {
    setup.dispose();
    await sim.stop();
  });

  const hostUuid = (name: string): string => {
    const host = monitor.snapshot?.hosts.find((h) => h.name === name);
    assert.ok(host, `no host ${name}`);
    return host.uuid;
  };
  const residents = (uuid: string): string[] =>
    (monitor.snapshot?.vms ?? []).filter((v) => v.residentOn === uuid && v.powerState === 'running').map((v) => v.name).sort();

  it('stops after the VM being moved when cancelled, leaves the host disabled, and reports what is left', async () => {
    const h3 = hostUuid('xcp-ng-lab3');
    const before = residents(h3);
    assert.equal(before.length, 3);
    const controller = new AbortController();
    const steps: string[] = [];
    const result = await enterMaintenance(
      {
        exec,
        monitor,
        locks: new OperationLocks(),
        confirm: async () => true,
        signal: controller.signal,
        progress: (message) => {
          steps.push(message);
          // The user presses Cancel while the first VM is moving.
          if (steps.filter((s) => s.startsWith('moving')).length === 1) controller.abort();
        },
      },
      h3,
    );
    assert.equal(result.cancelled, true);
    assert.equal(result.remaining.length, 2);
    const migrations = sim.readArgvLog().filter((argv) => argv[1] === 'vm-migrate');
    assert.equal(migrations.length, 1, 'a move started after the cancel');
    assert.equal(monitor.snapshot?.hosts.find((h) => h.uuid === h3)?.enabled, false);
    assert.deepEqual(residents(h3), [...result.remaining].sort());
    // The record names all three, so exiting maintenance can bring back the one that moved.
    assert.equal(result.record.vms.length, 3);

    const ctx = { exec, monitor, locks: new OperationLocks(), confirm: async () => true };
    await exitMaintenance(ctx, h3);
    assert.equal(monitor.snapshot?.hosts.find((h) => h.uuid === h3)?.enabled, true);
    const moved = await moveVmsBack(ctx, result.record);
    assert.equal(moved.length, 1);
    assert.deepEqual(residents(h3), before);
  });
});
