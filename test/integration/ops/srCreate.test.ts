import assert from 'node:assert/strict';
import { describeXeFailure } from '../../../src/core/ops/describeXeFailure';
import { runXe } from '../../../src/core/xe/runXe';
import { srCreateExt } from '../../../src/core/xe/srCommands';
import { XeError } from '../../../src/core/xe/xeError';
import type { SshConnection } from '../../../src/core/ssh/sshConnection';
import type { PoolMonitor } from '../../../src/core/lab/poolMonitor';
import type { SimServer } from '../../sim/simServer';
import { ConnectionSetup } from '../ssh/connectionSetup';
import { openSimPool } from './openSimPool';

// The guide's xe sr-create as the extension sends it, through ssh2, the real sshd and the remote shell.
describe('xe sr-create on the master\'s arrays, over real OpenSSH', function () {
  this.timeout(5 * 60_000);
  let sim: SimServer;
  const setup = new ConnectionSetup();
  let connection: SshConnection;
  let monitor: PoolMonitor;
  let master: string;

  before(async () => {
    ({ sim, connection, monitor } = await openSimPool(setup, 'sr'));
    const m = monitor.snapshot?.hosts.find((h) => h.isMaster);
    assert.ok(m);
    master = m.uuid;
  });

  after(async () => {
    setup.dispose();
    await sim.stop();
  });

  it('creates the SR with a hostile name-label arriving as one literal argument, then sees it in the pool', async () => {
    const name = `RAID "storage"; $(id) \`id\` 'q' \\ * ${'${IFS}'}日本`;
    const command = srCreateExt(master, name, '/dev/md0');
    const mark = sim.readArgvLog().length;
    const uuid = await runXe(connection, command);
    assert.deepEqual(sim.readArgvLog().slice(mark), [[...command.argv]]);
    await monitor.refreshAfterChange();
    const sr = monitor.snapshot?.srs.find((s) => s.uuid === uuid);
    assert.deepEqual([sr?.name, sr?.type, sr?.contentType, sr?.shared, sr?.hostName], [name, 'ext', 'user', false, 'xcp-ng-lab1']);
  });

  it('reads xe\'s refusals: the array already holds an SR, a member drive, the root array', async () => {
    const failure = async (device: string): Promise<string> => {
      const error = await runXe(connection, srCreateExt(master, 'second', device)).then(
        () => undefined,
        (e: unknown) => e,
      );
      assert.ok(error instanceof XeError, `${device} was accepted`);
      return describeXeFailure(error, 'create the SR');
    };
    const count = monitor.snapshot?.srs.length;
    assert.match(await failure('/dev/md0'), /^cannot create the SR: the device is in use on the host/);
    assert.match(await failure('/dev/sdc'), /^cannot create the SR: the device is in use on the host/);
    assert.equal(
      await failure('/dev/md127'),
      'cannot create the SR: the storage driver failed (SR_BACKEND_FAILURE_105): Root system device, cannot be used for VM storage [opterr=Device /dev/md127 contains core system files, please use another device]',
    );
    await monitor.refreshAfterChange();
    assert.equal(monitor.snapshot?.srs.length, count);
  });
});
