import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { withPrivateUpload } from '../../../src/core/remote/withPrivateUpload';
import type { SshConnection } from '../../../src/core/ssh/sshConnection';
import { startSim, type SimServer } from '../../sim/simServer';
import { ConnectionSetup } from '../ssh/connectionSetup';
import { ScriptedPrompts } from '../ssh/scriptedPrompts';

/** The private upload folder over the simulator's real OpenSSH SFTP (its /tmp is this machine's /tmp). */
describe('withPrivateUpload (real OpenSSH SFTP)', function () {
  this.timeout(60_000);
  let sim: SimServer;
  let setup: ConnectionSetup;
  let connection: SshConnection;

  before(async () => {
    sim = await startSim({ scenario: 'small-lab' });
    setup = new ConnectionSetup();
    await setup.trust(sim.host, sim.port, Buffer.from(sim.hostKeyLine.split(' ')[1] ?? '', 'base64'));
    connection = setup.connect({ host: sim.host, port: sim.port, user: 'root', identityFile: sim.privateKeyPath }, new ScriptedPrompts());
  });

  after(async () => {
    setup?.dispose();
    await sim?.stop();
    if (sim) fs.rmSync(sim.dir, { recursive: true, force: true });
  });

  it('puts the files in a fresh 0700 folder as 0600, hands their paths over, and removes them after', async () => {
    const sftp = await connection.sftp();
    let seen: { dir: string; paths: readonly string[] } | undefined;
    try {
      const result = await withPrivateUpload(sftp, 'xcpng-test', [{ name: 'key.pem', data: 'secret\n' }, { name: 'PK.auth', data: Buffer.from([0, 1, 2, 255]) }], async (paths, dir) => {
        seen = { dir, paths };
        assert.equal(fs.statSync(dir).mode & 0o777, 0o700);
        assert.deepEqual(paths.map((p) => fs.statSync(p).mode & 0o777), [0o600, 0o600]);
        assert.equal(fs.readFileSync(paths[0] as string, 'utf8'), 'secret\n');
        assert.deepEqual([...fs.readFileSync(paths[1] as string)], [0, 1, 2, 255]);
        return 'used';
      });
      assert.equal(result, 'used');
    } finally {
      sftp.end();
    }
    assert.match(seen?.dir ?? '', /^\/tmp\/xcpng-test-[0-9a-f]{16}$/);
    assert.deepEqual(seen?.paths, [`${seen?.dir}/key.pem`, `${seen?.dir}/PK.auth`]);
    assert.equal(fs.existsSync(seen?.dir ?? '/nonexistent-but-checked'), false);
  });

  it('removes the files when the command that reads them fails, and passes the failure on', async () => {
    const sftp = await connection.sftp();
    let dir = '';
    try {
      await assert.rejects(
        withPrivateUpload(sftp, 'xcpng-test', [{ name: 'key.pem', data: 'secret' }], async (_paths, made) => {
          dir = made;
          throw new Error('xe refused the certificate');
        }),
        /xe refused the certificate/,
      );
    } finally {
      sftp.end();
    }
    assert.ok(dir.startsWith('/tmp/xcpng-test-'));
    assert.equal(fs.existsSync(dir), false);
  });

  it('refuses names that could leave the folder before anything is made', async () => {
    const sftp = await connection.sftp();
    try {
      for (const name of ['../etc/passwd', 'a/b', '.hidden', '']) {
        await assert.rejects(withPrivateUpload(sftp, 'xcpng-test', [{ name, data: 'x' }], async () => 'never'), RangeError, name);
      }
      await assert.rejects(withPrivateUpload(sftp, '../x', [], async () => 'never'), RangeError);
    } finally {
      sftp.end();
    }
  });
});
