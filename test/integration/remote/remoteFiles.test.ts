import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { RemoteFileError, type RemoteFileErrorKind } from '../../../src/core/remote/remoteFileError';
import { RemoteFiles } from '../../../src/core/remote/remoteFiles';
import type { SshConnection } from '../../../src/core/ssh/sshConnection';
import { startSim, type SimServer } from '../../sim/simServer';
import { ConnectionSetup } from '../ssh/connectionSetup';
import { ScriptedPrompts } from '../ssh/scriptedPrompts';

const PASSWORD = 'correct horse';
const WHERE = 'xcp-ng-lab1';
const NOW = new Date('2026-11-29T23:15:02.345Z');
const STAMP = '2026-11-29T23-15-02Z';

/** Dom0 files over SFTP against the simulator's real OpenSSH sshd (internal-sftp, /etc as an overlay). */
describe('Remote dom0 files over SFTP (real OpenSSH)', function () {
  this.timeout(60_000);
  let sim: SimServer;
  let setup: ConnectionSetup;
  let connection: SshConnection;
  let files: RemoteFiles;
  /** The simulator's copy of the master's /etc, what the host's /etc shows. */
  let etc: string;
  let original: string;

  before(async () => {
    sim = await startSim({ scenario: 'small-lab', password: PASSWORD });
    etc = path.join(sim.dir, 'root', 'etc');
    original = fs.readFileSync(path.join(etc, 'mdadm.conf'), 'utf8');
  });

  after(async () => {
    await sim?.stop();
    if (sim) fs.rmSync(sim.dir, { recursive: true, force: true });
  });

  beforeEach(async () => {
    setup = new ConnectionSetup();
    await setup.trust(sim.host, sim.port, Buffer.from(sim.hostKeyLine.split(' ')[1] ?? '', 'base64'));
    connection = setup.connect({ host: sim.host, port: sim.port, user: 'root', identityFile: sim.privateKeyPath }, new ScriptedPrompts());
    files = new RemoteFiles({ where: WHERE, openSftp: () => connection.sftp(), now: () => NOW });
  });

  afterEach(async () => {
    // Each test starts from the scenario's file and no leftovers. Through SFTP, not in root/etc: the overlay
    // does not notice files created or removed underneath it while mounted.
    const cleaner = new RemoteFiles({ where: WHERE, openSftp: () => connection.sftp() });
    await cleaner.writeFile('/etc/mdadm.conf', Buffer.from(original), { create: true, overwrite: true });
    for (const entry of await cleaner.readDirectory('/etc')) if (entry.name.includes('.xcpng-')) await cleaner.delete(`/etc/${entry.name}`, false);
    cleaner.dispose();
    files.dispose();
    setup.dispose();
  });

  const hostFile = (name: string): string => fs.readFileSync(path.join(etc, name), 'utf8');
  const leftovers = (): string[] => fs.readdirSync(etc).filter((name) => name.includes('.xcpng-')).sort();
  const rejectsWith = (promise: Promise<unknown>, kind: RemoteFileErrorKind, message: RegExp): Promise<void> =>
    assert.rejects(promise, (error: unknown) => {
      assert.ok(error instanceof RemoteFileError, `expected a RemoteFileError, got ${String(error)}`);
      assert.equal(error.kind, kind);
      assert.match(error.message, message);
      return true;
    });

  it('reads the host file, stats it and lists its folder, all on one login', async () => {
    const content = Buffer.from(await files.readFile('/etc/mdadm.conf')).toString('utf8');
    assert.equal(content, original);
    const stat = await files.stat('/etc/mdadm.conf');
    assert.equal(stat.type, 'file');
    assert.equal(stat.size, Buffer.byteLength(original));
    assert.equal(stat.mtimeMs, Math.floor(fs.statSync(path.join(etc, 'mdadm.conf')).mtimeMs / 1000) * 1000);
    const listing = await files.readDirectory('/etc/dracut.conf.d');
    assert.ok(listing.some((entry) => entry.name === 'dracut_mdraid.conf' && entry.type === 'file'), JSON.stringify(listing));
    assert.equal((await files.stat('/etc')).type, 'directory');
    assert.equal(connection.loginCount, 1);
  });

  it('reads a /proc file whose size says 0 to its end', async () => {
    assert.equal((await files.stat('/proc/sys/kernel/osrelease')).size, 0);
    const release = Buffer.from(await files.readFile('/proc/sys/kernel/osrelease')).toString('utf8');
    assert.match(release, /^\S+\n$/);
  });

  it('saves through a temporary file and keeps the old version as a timestamped backup with its mode', async () => {
    fs.chmodSync(path.join(etc, 'mdadm.conf'), 0o640);
    await files.readFile('/etc/mdadm.conf');
    const edited = `${original}# edited over SFTP\n`;
    const backup = await files.writeFile('/etc/mdadm.conf', Buffer.from(edited), { create: false, overwrite: true });
    assert.equal(backup, `/etc/mdadm.conf.xcpng-backup-${STAMP}`);
    assert.equal(hostFile('mdadm.conf'), edited);
    assert.equal(hostFile(`mdadm.conf.xcpng-backup-${STAMP}`), original);
    assert.equal(fs.statSync(path.join(etc, 'mdadm.conf')).mode & 0o7777, 0o640);
    assert.equal(fs.statSync(path.join(etc, `mdadm.conf.xcpng-backup-${STAMP}`)).mode & 0o7777, 0o640);
    assert.deepEqual(leftovers(), [`mdadm.conf.xcpng-backup-${STAMP}`], 'no temporary file is left');

    // The next save compares with what was just written, and a backup in the same second gets its own name.
    const again = await files.writeFile('/etc/mdadm.conf', Buffer.from(original), { create: false, overwrite: true });
    assert.equal(again, `/etc/mdadm.conf.xcpng-backup-${STAMP}-2`);
    assert.equal(hostFile('mdadm.conf'), original);
    assert.equal(hostFile(`mdadm.conf.xcpng-backup-${STAMP}-2`), edited);
    fs.chmodSync(path.join(etc, 'mdadm.conf'), 0o644);
  });

  it('refuses to save over a change made on the host since the file was read: content, size, mtime or deletion', async () => {
    const file = path.join(etc, 'mdadm.conf');
    const changes: Array<[string, () => void, RegExp]> = [
      ['same size, other content', () => fs.writeFileSync(file, original.replace('MAILADDR root', 'MAILADDR toor')), /its content is different/],
      ['longer', () => fs.appendFileSync(file, 'DEVICE /dev/sdz1\n'), /its size went from \d+ to \d+ bytes/],
      ['touched', () => fs.utimesSync(file, new Date('2030-01-01T00:00:00Z'), new Date('2030-01-01T00:00:00Z')), /its modification time changed/],
    ];
    for (const [what, change, reason] of changes) {
      fs.writeFileSync(file, original);
      await files.readFile('/etc/mdadm.conf');
      change();
      const onHost = hostFile('mdadm.conf');
      await rejectsWith(
        files.writeFile('/etc/mdadm.conf', Buffer.from('# mine\n'), { create: false, overwrite: true }),
        'changed',
        new RegExp(`^/etc/mdadm\\.conf changed on the host since you opened it \\(${reason.source}\\)\\. Nothing was written to xcp-ng-lab1: `),
      );
      assert.equal(hostFile('mdadm.conf'), onHost, `${what}: the host's change stays`);
      assert.deepEqual(leftovers(), [], `${what}: nothing written`);
    }
    // Reading again takes the host's version as the new baseline: the save goes through.
    await files.readFile('/etc/mdadm.conf');
    assert.ok(await files.writeFile('/etc/mdadm.conf', Buffer.from(original), { create: false, overwrite: true }));

    await files.readFile('/etc/mdadm.conf');
    const otherClient = new RemoteFiles({ where: WHERE, openSftp: () => connection.sftp() });
    await otherClient.delete('/etc/mdadm.conf', false);
    otherClient.dispose();
    await rejectsWith(files.writeFile('/etc/mdadm.conf', Buffer.from(original), { create: true, overwrite: true }), 'changed', /was deleted on the host since you opened it/);
  });

  it('writes through a symlink, keeping the link', async () => {
    const sftp = await connection.sftp();
    await new Promise<void>((resolve, reject) => sftp.symlink('mdadm.conf', '/etc/mdadm-link.conf', (error) => (error ? reject(error) : resolve())));
    try {
      await files.readFile('/etc/mdadm-link.conf');
      assert.equal((await files.stat('/etc/mdadm-link.conf')).symlink, true);
      await files.writeFile('/etc/mdadm-link.conf', Buffer.from('# via the link\n'), { create: false, overwrite: true });
      assert.ok(fs.lstatSync(path.join(etc, 'mdadm-link.conf')).isSymbolicLink());
      assert.equal(hostFile('mdadm.conf'), '# via the link\n');
      assert.deepEqual(leftovers(), [`mdadm.conf.xcpng-backup-${STAMP}`]);
    } finally {
      await files.delete('/etc/mdadm-link.conf', false);
      sftp.end();
    }
  });

  it('says plainly when a file is missing, and creates one only when asked', async () => {
    await rejectsWith(files.readFile('/etc/modprobe.d/missing.conf'), 'notFound', /^\/etc\/modprobe\.d\/missing\.conf does not exist on xcp-ng-lab1\.$/);
    await rejectsWith(files.stat('/etc/modprobe.d/missing.conf'), 'notFound', /does not exist on xcp-ng-lab1/);
    await rejectsWith(
      files.writeFile('/etc/modprobe.d/missing.conf', Buffer.from('options kvm nested=1\n'), { create: false, overwrite: true }),
      'notFound',
      /does not exist/,
    );
    await rejectsWith(files.readDirectory('/etc/no-such-folder'), 'notFound', /^\/etc\/no-such-folder does not exist on xcp-ng-lab1\.$/);

    const backup = await files.writeFile('/etc/modprobe.d/xcpng-test.conf', Buffer.from('options kvm nested=1\n'), { create: true, overwrite: false });
    try {
      assert.equal(backup, undefined);
      assert.equal(hostFile('modprobe.d/xcpng-test.conf'), 'options kvm nested=1\n');
      assert.equal(fs.statSync(path.join(etc, 'modprobe.d/xcpng-test.conf')).mode & 0o777, 0o644);
      await rejectsWith(files.writeFile('/etc/modprobe.d/xcpng-test.conf', Buffer.from('x\n'), { create: true, overwrite: false }), 'exists', /already exists/);
      await files.delete('/etc/modprobe.d/xcpng-test.conf', false);
      await rejectsWith(files.stat('/etc/modprobe.d/xcpng-test.conf'), 'notFound', /does not exist/);
    } finally {
      await files.delete('/etc/modprobe.d/xcpng-test.conf', false).catch(() => undefined);
    }
  });

  it('says plainly when the login may not read or write a file', async () => {
    const userConnection = setup.connect({ host: sim.host, port: sim.port, user: 'xcpsim' }, new ScriptedPrompts({ passwords: [PASSWORD] }));
    const userFiles = new RemoteFiles({ where: WHERE, openSftp: () => userConnection.sftp() });
    try {
      await userFiles.readFile('/etc/mdadm.conf');
      await rejectsWith(
        userFiles.writeFile('/etc/mdadm.conf', Buffer.from('# not mine\n'), { create: false, overwrite: true }),
        'noPermission',
        /^Permission denied: cannot write \/etc\/mdadm\.conf on xcp-ng-lab1\.$/,
      );
      await rejectsWith(userFiles.readFile('/etc/shadow'), 'noPermission', /^Permission denied: cannot read \/etc\/shadow on xcp-ng-lab1\.$/);
      assert.equal(hostFile('mdadm.conf'), original);
      assert.deepEqual(leftovers(), []);
    } finally {
      userFiles.dispose();
    }
    // Not even root may replace an immutable file (chattr +i: the kernel answers EPERM).
    const file = path.join(etc, 'mdadm.conf');
    execFileSync('chattr', ['+i', file]);
    try {
      await files.readFile('/etc/mdadm.conf');
      await rejectsWith(
        files.writeFile('/etc/mdadm.conf', Buffer.from('# not even root\n'), { create: false, overwrite: true }),
        'noPermission',
        /^Permission denied: cannot write \/etc\/mdadm\.conf on xcp-ng-lab1\.$/,
      );
    } finally {
      execFileSync('chattr', ['-i', file]);
    }
    assert.equal(hostFile('mdadm.conf'), original);
    assert.deepEqual(leftovers(), [], 'the temporary file is removed after the refusal');
  });
});
