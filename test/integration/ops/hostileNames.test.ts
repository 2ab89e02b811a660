import assert from 'node:assert/strict';
import { OperationLocks } from '../../../src/core/ops/operationLocks';
import { renameVm } from '../../../src/core/ops/renameVm';
import { runVmAction } from '../../../src/core/ops/runVmAction';
import { VM_ACTIONS, type VmAction } from '../../../src/core/ops/vmActions';
import type { Vm } from '../../../src/core/lab/labModel';
import type { SshConnection } from '../../../src/core/ssh/sshConnection';
import type { PoolMonitor } from '../../../src/core/lab/poolMonitor';
import type { SimServer } from '../../sim/simServer';
import { ConnectionSetup } from '../ssh/connectionSetup';
import { openSimPool } from './openSimPool';
import { seededRandom } from '../../unit/ssh/seededRandom';

// Pieces a shell, xe's own parser (`k=v`, `--flag`) or a careless quoting would trip on.
const PIECES = ["'", '"', '$(id)', '`id`', ';', '&&', '|', '>', '<', '\\', '$HOME', '${IFS}', ' ', '\t', '-', '--force', '=', 'uuid=', ',', ':', '#', '*', '?', '~', '!', '%', 'é', 'ünï', '日本', '🖥', '\u200b', 'x', 'vm'];

function hostileName(next: () => number): string {
  let name = '';
  const parts = 1 + Math.floor(next() * 6);
  for (let i = 0; i < parts; i++) name += PIECES[Math.floor(next() * PIECES.length)];
  return name;
}

describe('1,000 hostile VM names through the actions, over real OpenSSH', function () {
  this.timeout(10 * 60_000);
  let sim: SimServer;
  const setup = new ConnectionSetup();
  let connection: SshConnection;
  let monitor: PoolMonitor;

  before(async () => {
    ({ sim, connection, monitor } = await openSimPool(setup, 'fuzz'));
  });

  after(async () => {
    setup.dispose();
    await sim.stop();
  });

  it('renames with each name as one literal argv element, and start/shutdown/migrate never carry it', async () => {
    const next = seededRandom(20261129);
    const names = Array.from({ length: 1000 }, () => hostileName(next));
    const vm = monitor.snapshot?.vms.find((v) => v.name === 'k8s-node-1');
    assert.ok(vm);
    const before = sim.readArgvLog().length;
    // Four at a time over the one connection, as concurrent users of a pool would.
    for (let i = 0; i < names.length; i += 4) {
      await Promise.all(names.slice(i, i + 4).map((name) => renameVm(connection, monitor, vm.uuid, name, { verify: false })));
    }
    const sent = sim.readArgvLog().slice(before);
    const expected = names.map((name) => JSON.stringify(['xe', 'vm-param-set', `uuid=${vm.uuid}`, `name-label=${name}`]));
    assert.deepEqual(sent.map((argv) => JSON.stringify(argv)).sort(), expected.sort(), 'an argv arrived other than as sent');

    // Power actions on a VM with a hostile name: only its uuid may travel.
    const locks = new OperationLocks();
    const hosts = monitor.snapshot?.hosts.filter((h) => h.enabled) ?? [];
    for (const [index, name] of names.slice(0, 8).entries()) {
      await renameVm(connection, monitor, vm.uuid, name);
      const mark = sim.readArgvLog().length;
      const current: Vm | undefined = monitor.snapshot?.vms.find((v) => v.uuid === vm.uuid);
      const action: VmAction = current?.powerState === 'running' ? (index % 2 ? VM_ACTIONS.shutdown : VM_ACTIONS.migrate) : VM_ACTIONS.start;
      const destination: string | undefined = action.needsHost ? hosts.find((h) => h.uuid !== current?.residentOn)?.uuid : undefined;
      await runVmAction({ exec: connection, monitor, locks, confirm: async () => true, action, vmUuid: vm.uuid, hostUuid: destination });
      const calls = sim.readArgvLog().slice(mark).filter((argv) => !/-list$/.test(argv[1] ?? ''));
      assert.deepEqual(calls, [[...action.command(vm.uuid, destination).argv]], `${action.id} of ${JSON.stringify(name)}`);
    }
  });
});
