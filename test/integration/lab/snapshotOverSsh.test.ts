import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { querySnapshot } from '../../../src/core/lab/querySnapshot';
import { resolveInventory } from '../../../src/core/lab/resolveInventory';
import type { SshPrompts } from '../../../src/core/ssh/sshPrompts';
import { SshConnection } from '../../../src/core/ssh/sshConnection';
import { TrustStore } from '../../../src/core/ssh/trustStore';
import { runXe } from '../../../src/core/xe/runXe';
import { paramGet, paramSet } from '../../../src/core/xe/paramCommands';
import { startSim, type SimServer } from '../../sim/simServer';

/** Every question is answered "no": the host key is trusted beforehand and the key needs no passphrase. */
const refuseAll: SshPrompts = {
  confirmUnknownHostKey: () => Promise.resolve(false),
  askPassword: () => Promise.resolve(undefined),
  askPassphrase: () => Promise.resolve(undefined),
};

const noSecrets = {
  get: () => Promise.resolve(undefined),
  set: () => Promise.resolve(),
  delete: () => Promise.resolve(),
};

describe('snapshot over real OpenSSH against the lab simulator', () => {
  let sim: SimServer;
  let dir: string;
  let connection: SshConnection;

  before(async () => {
    sim = await startSim({ scenario: 'small-lab' });
    dir = mkdtempSync(join(tmpdir(), 'xcpng-lab-ssh-'));
    const trustStore = new TrustStore({ knownHostsFiles: [], trustFile: join(dir, 'trusted_hosts') });
    const keyBlob = Buffer.from(sim.hostKeyLine.split(' ')[1] ?? '', 'base64');
    await trustStore.trustHostKey(sim.host, sim.port, keyBlob);
    // The target goes through the inventory like a user's pool would.
    const { targets, problems } = resolveInventory({
      settings: [{ name: 'Simulated lab', host: sim.host, port: sim.port, user: sim.user, identityFile: sim.privateKeyPath }],
      homeDir: dir,
      localUser: 'tester',
    });
    assert.deepEqual(problems, []);
    const target = targets[0];
    assert.ok(target);
    connection = new SshConnection({ name: target.id, target, trustStore, prompts: refuseAll, secrets: noSecrets });
  });

  after(async () => {
    connection.dispose();
    await sim.stop();
    rmSync(dir, { recursive: true, force: true });
    rmSync(sim.dir, { recursive: true, force: true });
  });

  it('reads the pool in one exec over one login, strict', async () => {
    const before = sim.readArgvLog().length;
    const snapshot = await querySnapshot(connection, { strict: true, timeoutMs: 30_000 });
    assert.equal(connection.loginCount, 1);
    assert.equal(snapshot.pool.name, 'Homelab');
    assert.equal(snapshot.hosts.length, 3);
    assert.ok(snapshot.vms.some((v) => v.name === 'pfSense' && v.powerState === 'running'));
    assert.equal(snapshot.controlDomains.length, 3);
    // Seven stand-in calls, all from the one batch.
    assert.equal(sim.readArgvLog().length - before, 7);
  });

  it('carries a hostile name through param-set and back, byte for byte', async () => {
    const snapshot = await querySnapshot(connection, { strict: true });
    const vm = snapshot.vms.find((v) => v.name === 'ubuntu-dev');
    assert.ok(vm);
    const hostile = ` $(id); rm -rf / \`uname\` 'q' "d" ünï: x; y `;
    await runXe(connection, paramSet('vm', vm.uuid, [{ field: 'name-label', value: hostile }]));
    assert.equal(await runXe(connection, paramGet('vm', vm.uuid, 'name-label')), hostile);
    const after = await querySnapshot(connection, { strict: true });
    assert.equal(after.vms.find((v) => v.uuid === vm.uuid)?.name, hostile);
    const setCall = sim.readArgvLog().find((c) => c[1] === 'vm-param-set');
    assert.deepEqual(setCall, ['xe', 'vm-param-set', `uuid=${vm.uuid}`, `name-label=${hostile}`]);
  });
});
