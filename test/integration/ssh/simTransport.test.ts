import * as assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CancelledError, HostKeyError, SshError } from '../../../src/core/errors';
import { fingerprintSha256 } from '../../../src/core/ssh/fingerprintSha256';
import { passphraseSecretKey, passwordSecretKey } from '../../../src/core/ssh/sshAuthenticator';
import type { SshTarget } from '../../../src/core/ssh/sshTarget';
import { TrustStore } from '../../../src/core/ssh/trustStore';
import { startSim, type SimServer } from '../../sim/simServer';
import { simPaths } from '../../sim/state/simPaths';
import { randomHostileArg } from '../../unit/ssh/randomHostileArg';
import { seededRandom } from '../../unit/ssh/seededRandom';
import { sshFixture } from '../../unit/ssh/repoRoot';
import { ConnectionSetup } from './connectionSetup';
import { startCountingProxy } from './countingProxy';
import { ScriptedPrompts } from './scriptedPrompts';

const PASSWORD = 'correct horse';
const PASSWORD_USER = 'xcpsim';

/** The transport against the lab simulator: Debian's OpenSSH sshd with the stand-in xe on its PATH. */
describe('SSH transport against the simulator (real OpenSSH)', function () {
  this.timeout(60_000);
  let sim: SimServer;
  let setup: ConnectionSetup;
  let hostKeyBlob: Buffer;

  before(async () => {
    sim = await startSim({ scenario: 'small-lab', password: PASSWORD });
    hostKeyBlob = Buffer.from(sim.hostKeyLine.split(' ')[1] ?? '', 'base64');
  });

  after(async () => {
    await sim?.stop();
    if (sim) {
      fs.rmSync(sim.dir, { recursive: true, force: true });
    }
  });

  beforeEach(() => {
    setup = new ConnectionSetup();
  });

  afterEach(() => setup.dispose());

  const rootTarget = (port = sim.port): SshTarget => ({ host: sim.host, port, user: 'root', identityFile: sim.privateKeyPath });
  const argvLogLength = (): number => sim.readArgvLog().length;
  /** Logins sshd accepted so far, from its own log. */
  const acceptedLogins = (): number =>
    fs.readFileSync(path.join(simPaths(sim.dir).ssh, 'sshd.log'), 'utf8').split('\n').filter((line) => line.includes('Accepted ')).length;

  describe('host key trust', () => {
    it('asks about an unknown key with the fingerprint ssh-keygen prints, remembers it, and does not ask again', async () => {
      const prompts = new ScriptedPrompts({ acceptHostKey: true });
      const result = await setup.connect(rootTarget(), prompts).exec(['xe', 'host-list', 'params=name-label', '--minimal']);
      assert.equal(result.code, 0);
      assert.deepEqual(prompts.hostKeyQuestions, [
        { host: sim.host, port: sim.port, keyType: 'ssh-ed25519', fingerprint: sim.hostKeyFingerprint, otherKnownFingerprints: [] },
      ]);
      assert.match(fs.readFileSync(setup.trustFile, 'utf8'), new RegExp(`^\\[127\\.0\\.0\\.1\\]:${sim.port} ${escape(sim.hostKeyLine)} `));

      const silent = new ScriptedPrompts(); // fails the test if asked anything
      await setup.connect(rootTarget(), silent).exec(['xe', 'host-list', '--minimal']);
      assert.equal(silent.hostKeyQuestions.length, 0);
    });

    it('sends nothing when the user declines an unknown key', async () => {
      const before = { argv: argvLogLength(), logins: acceptedLogins() };
      const prompts = new ScriptedPrompts({ acceptHostKey: false });
      await assert.rejects(setup.connect(rootTarget(), prompts).exec(['xe', 'vm-list']), (error: unknown) => {
        assert.ok(error instanceof HostKeyError);
        assert.equal(error.kind, 'unknown');
        assert.equal(error.fingerprint, sim.hostKeyFingerprint);
        return true;
      });
      assert.equal(argvLogLength(), before.argv);
      assert.equal(acceptedLogins(), before.logins);
      assert.equal(fs.existsSync(setup.trustFile), false);
    });

    it('refuses a changed key: no login, no command, both fingerprints and the fix in the message', async () => {
      const otherKey = fs.readFileSync(sshFixture('keys', 'other_ed25519.pub'), 'utf8').split(' ').slice(0, 2).join(' ');
      const knownHosts = path.join(setup.dir, 'known_hosts');
      fs.writeFileSync(knownHosts, `[127.0.0.1]:${sim.port} ${otherKey}\n`);
      const trustStore = new TrustStore({ knownHostsFiles: [knownHosts], trustFile: setup.trustFile });
      const oldFingerprint = fingerprintSha256(Buffer.from(otherKey.split(' ')[1] ?? '', 'base64'));
      const before = { argv: argvLogLength(), logins: acceptedLogins() };
      const prompts = new ScriptedPrompts({ passwords: ['never asked'] });

      await assert.rejects(setup.connect({ ...rootTarget(), identityFile: undefined }, prompts, { trustStore }).exec(['xe', 'vm-list']), (error: unknown) => {
        assert.ok(error instanceof HostKeyError);
        assert.equal(error.kind, 'changed');
        assert.equal(error.fingerprint, sim.hostKeyFingerprint);
        assert.deepEqual(error.knownFingerprints, [oldFingerprint]);
        assert.ok(error.message.includes(oldFingerprint) && error.message.includes(sim.hostKeyFingerprint));
        assert.ok(error.message.includes(`ssh-keygen -R '[127.0.0.1]:${sim.port}' -f '${knownHosts}'`), error.message);
        return true;
      });
      assert.equal(argvLogLength(), before.argv, 'no command reached the host');
      assert.equal(acceptedLogins(), before.logins, 'no login happened');
      assert.equal(prompts.passwordQuestions.length, 0, 'no authentication was attempted');
    });

    it('trusts a hashed known_hosts entry without asking', async () => {
      const knownHosts = path.join(setup.dir, 'known_hosts');
      fs.writeFileSync(knownHosts, `[127.0.0.1]:${sim.port} ${sim.hostKeyLine}\n`);
      execFileSync('ssh-keygen', ['-q', '-H', '-f', knownHosts], { stdio: 'ignore' });
      assert.match(fs.readFileSync(knownHosts, 'utf8'), /^\|1\|/);
      const trustStore = new TrustStore({ knownHostsFiles: [knownHosts], trustFile: setup.trustFile });
      const result = await setup.connect(rootTarget(), new ScriptedPrompts(), { trustStore }).exec(['xe', 'host-list', '--minimal']);
      assert.equal(result.code, 0);
      assert.equal(fs.existsSync(setup.trustFile), false);
    });
  });

  describe('authentication', () => {
    beforeEach(() => setup.trust(sim.host, sim.port, hostKeyBlob));

    const passwordTarget = (): SshTarget => ({ host: sim.host, port: sim.port, user: PASSWORD_USER });

    it('logs in with the identity file', async () => {
      const result = await setup.connect(rootTarget(), new ScriptedPrompts()).exec(['id', '-un']);
      assert.equal(result.stdout, 'root\n');
    });

    it('forgets a stored password the server rejects, asks once more, and keeps the one that worked', async () => {
      const key = passwordSecretKey(passwordTarget());
      await setup.secrets.set(key, 'stale password');
      setup.secrets.operations.length = 0;
      const prompts = new ScriptedPrompts({ passwords: [PASSWORD] });
      const result = await setup.connect(passwordTarget(), prompts).exec(['id', '-un']);
      assert.equal(result.stdout, `${PASSWORD_USER}\n`);
      assert.deepEqual(setup.secrets.operations, [`delete ${key}`, `set ${key}=${PASSWORD}`]);
      assert.deepEqual(prompts.passwordQuestions, [{ user: PASSWORD_USER, host: sim.host, port: sim.port, retry: true }]);

      // The stored password now logs in without a question.
      const again = await setup.connect(passwordTarget(), new ScriptedPrompts()).exec(['id', '-un']);
      assert.equal(again.code, 0);
    });

    it('gives up after a wrong password and one wrong retry, naming what it tried, storing nothing', async () => {
      const prompts = new ScriptedPrompts({ passwords: ['wrong 1', 'wrong 2'] });
      await assert.rejects(setup.connect(passwordTarget(), prompts).exec(['id']), (error: unknown) => {
        assert.ok(error instanceof SshError);
        assert.equal(error.kind, 'auth');
        assert.match(error.message, /Permission denied .*accepts: publickey,password.*tried: password, password/);
        return true;
      });
      assert.deepEqual(prompts.passwordQuestions.map((question) => question.retry), [false, true]);
      assert.deepEqual(setup.secrets.operations, []);
    });

    it('stops with CancelledError when the user dismisses the password box', async () => {
      const prompts = new ScriptedPrompts({ passwords: [undefined] });
      await assert.rejects(setup.connect(passwordTarget(), prompts).exec(['id']), CancelledError);
    });

    it('asks the passphrase of an encrypted key once and keeps it', async () => {
      const encrypted = path.join(setup.dir, 'id_encrypted');
      fs.copyFileSync(sim.privateKeyPath, encrypted);
      fs.chmodSync(encrypted, 0o600);
      execFileSync('ssh-keygen', ['-q', '-p', '-P', '', '-N', 'open sesame', '-f', encrypted]);
      const target = { ...rootTarget(), identityFile: encrypted };
      const prompts = new ScriptedPrompts({ passphrases: ['wrong', 'open sesame'] });
      assert.equal((await setup.connect(target, prompts).exec(['id', '-un'])).stdout, 'root\n');
      assert.deepEqual(prompts.passphraseQuestions, [
        { identityFile: encrypted, retry: false },
        { identityFile: encrypted, retry: true },
      ]);
      assert.equal(setup.secrets.values.get(passphraseSecretKey(encrypted)), 'open sesame');
      assert.equal((await setup.connect(target, new ScriptedPrompts()).exec(['id', '-un'])).code, 0, 'no second question');
    });

    it('uses ssh-agent first when SSH_AUTH_SOCK is given', async function () {
      const socket = path.join(setup.dir, 'agent.sock');
      const agent = spawnSync('ssh-agent', ['-a', socket, '-s'], { encoding: 'utf8' });
      const pid = Number(/SSH_AGENT_PID=(\d+)/.exec(agent.stdout)?.[1]);
      assert.ok(pid > 0, agent.stderr);
      try {
        execFileSync('ssh-add', [sim.privateKeyPath], { env: { ...process.env, SSH_AUTH_SOCK: socket }, stdio: 'ignore' });
        const target = { host: sim.host, port: sim.port, user: 'root' }; // no identity file: only the agent can log in
        const result = await setup.connect(target, new ScriptedPrompts(), { agentSocket: socket }).exec(['id', '-un']);
        assert.equal(result.stdout, 'root\n');
      } finally {
        process.kill(pid, 'SIGTERM');
      }
    });
  });

  describe('exec', () => {
    beforeEach(() => setup.trust(sim.host, sim.port, hostKeyBlob));

    it('delivers 300 hostile arguments literally to the stand-in xe (argv log)', async () => {
      const connection = setup.connect(rootTarget(), new ScriptedPrompts());
      const random = seededRandom(0xa11ce);
      const sent: string[][] = [];
      for (let call = 0; call < 30; call++) {
        const args = ['vm-list', ...Array.from({ length: 10 }, () => randomHostileArg(random))];
        sent.push(['xe', ...args]);
        await connection.exec(['xe', ...args]);
      }
      const received = sim.readArgvLog().slice(-sent.length);
      assert.deepEqual(received, sent);
    });

    it('shares one TCP connection among concurrent and sequential execs', async () => {
      const proxy = await startCountingProxy(sim.port);
      try {
        await setup.trust(sim.host, proxy.port, hostKeyBlob);
        const connection = setup.connect(rootTarget(proxy.port), new ScriptedPrompts());
        const concurrent = await Promise.all(Array.from({ length: 12 }, () => connection.exec(['xe', 'host-list', '--minimal'])));
        for (let i = 0; i < 8; i++) {
          await connection.exec(['xe', 'pool-list', '--minimal']);
        }
        assert.ok(concurrent.every((result) => result.code === 0));
        assert.equal(proxy.connections, 1);
      } finally {
        await proxy.stop();
      }
    });

    it('reads the exit status of commands that end at once, many in flight on one connection', async () => {
      // Output, exit status and close of a command this fast can arrive with the channel's confirmation;
      // the status was once lost that way (code null), about 1 run in 80 under this load.
      const connection = setup.connect(rootTarget(), new ScriptedPrompts());
      const codes: (number | null)[] = [];
      for (let round = 0; round < 40; round++) {
        const results = await Promise.all([0, 1, 2, 3, 4, 5].map((code) => connection.exec(['sh', '-c', `exit ${code}`])));
        codes.push(...results.map((result) => result.code));
      }
      const expected = Array.from({ length: 40 }, () => [0, 1, 2, 3, 4, 5]).flat();
      assert.deepEqual(codes, expected);
    });

    it('closes the connection when idle and reopens it on the next exec', async () => {
      const proxy = await startCountingProxy(sim.port);
      try {
        await setup.trust(sim.host, proxy.port, hostKeyBlob);
        const connection = setup.connect(rootTarget(proxy.port), new ScriptedPrompts(), { idleTimeoutMs: 200 });
        await connection.exec(['true']);
        await once(proxy.events, 'close');
        assert.equal(proxy.open, 0);
        await connection.exec(['true']);
        assert.equal(proxy.connections, 2);
      } finally {
        await proxy.stop();
      }
    });

    it('times out a command that runs too long, and the connection still serves the next one', async () => {
      const connection = setup.connect(rootTarget(), new ScriptedPrompts());
      await assert.rejects(connection.exec(['sleep', '30'], { timeoutMs: 300 }), (error: unknown) => error instanceof SshError && error.kind === 'timeout');
      assert.equal((await connection.exec(['echo', 'still here'])).stdout, 'still here\n');
      assert.equal(connection.loginCount, 1);
    });

    it('cancels a running command by AbortSignal', async () => {
      const connection = setup.connect(rootTarget(), new ScriptedPrompts());
      await connection.exec(['true']); // logged in
      const controller = new AbortController();
      const running = connection.exec(['sleep', '30'], { signal: controller.signal });
      setImmediate(() => controller.abort());
      await assert.rejects(running, CancelledError);
      assert.equal((await connection.exec(['echo', 'ok'])).stdout, 'ok\n');
    });

    it('returns stdout, stderr and the exit code of a failing xe call', async () => {
      const result = await setup.connect(rootTarget(), new ScriptedPrompts()).exec(['xe', 'vm-start', 'uuid=00000000-0000-0000-0000-000000000000']);
      assert.notEqual(result.code, 0);
      assert.ok(result.stderr.length + result.stdout.length > 0);
    });
  });

  describe('shell and SFTP on the same connection', () => {
    beforeEach(() => setup.trust(sim.host, sim.port, hostKeyBlob));

    it('opens a PTY shell that runs what is typed', async () => {
      const connection = setup.connect(rootTarget(), new ScriptedPrompts());
      const shell = await connection.openShell({ cols: 100, rows: 30 });
      let output = '';
      const seen = new Promise<void>((resolve) => {
        shell.on('data', (chunk: Buffer) => {
          output += chunk.toString('utf8');
          if (output.includes('answer-42')) {
            resolve();
          }
        });
      });
      shell.write('echo answer-$((6*7)); tty\n');
      await seen;
      shell.end('exit\n');
      await once(shell, 'close');
      assert.equal(connection.loginCount, 1);
    });

    it('hands out an SFTP session that reads the host files', async () => {
      const connection = setup.connect(rootTarget(), new ScriptedPrompts());
      await connection.exec(['true']);
      const sftp = await connection.sftp();
      try {
        const names = await new Promise<string[]>((resolve, reject) =>
          sftp.readdir('/etc', (error, list) => (error ? reject(error) : resolve(list.map((entry) => entry.filename)))),
        );
        assert.ok(names.length > 0);
      } finally {
        sftp.end();
      }
      assert.equal(connection.loginCount, 1, 'SFTP used the same connection');
    });
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
