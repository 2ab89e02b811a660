import * as assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { utils } from 'ssh2';
import { HostKeyError, SshError } from '../../../src/core/errors';
import { fingerprintSha256 } from '../../../src/core/ssh/fingerprintSha256';
import { passwordSecretKey } from '../../../src/core/ssh/sshAuthenticator';
import { ConnectionSetup } from './connectionSetup';
import { startFakeSshServer, type FakeSshServer } from './fakeSshServer';
import { generateEd25519 } from './generateEd25519';
import { ScriptedPrompts } from './scriptedPrompts';

/** Login order and host key decisions, observed from the server's side (an in-process ssh2 server). */
describe('SSH login (in-process ssh2 server)', () => {
  let setup: ConnectionSetup;
  let server: FakeSshServer | undefined;

  beforeEach(() => {
    setup = new ConnectionSetup();
  });

  afterEach(async () => {
    setup.dispose();
    await server?.stop();
    server = undefined;
  });

  /** Starts an ssh-agent holding one key; returns its socket and a stop function for that agent only. */
  function startAgent(keyFile: string): { socket: string; stop: () => void } {
    const socket = path.join(setup.dir, `agent-${Math.random().toString(36).slice(2)}.sock`);
    const output = spawnSync('ssh-agent', ['-a', socket, '-s'], { encoding: 'utf8' }).stdout;
    const pid = Number(/SSH_AGENT_PID=(\d+)/.exec(output)?.[1]);
    execFileSync('ssh-add', [keyFile], { env: { ...process.env, SSH_AUTH_SOCK: socket }, stdio: 'ignore' });
    return { socket, stop: () => process.kill(pid, 'SIGTERM') };
  }

  it('tries the agent, then the identity file, then a password, in that order', async () => {
    const agentKey = setup.clientKey();
    const fileKey = setup.clientKey();
    server = await startFakeSshServer({ password: 'pw', authorizedKey: setup.clientKey().publicLine });
    await setup.trust('127.0.0.1', server.port, server.hostKeyBlob);
    const agent = startAgent(agentKey.privateKeyPath);
    try {
      const prompts = new ScriptedPrompts({ passwords: ['pw'] });
      const target = { host: '127.0.0.1', port: server.port, user: 'root', identityFile: fileKey.privateKeyPath };
      await setup.connect(target, prompts, { agentSocket: agent.socket }).exec(['true']);
      assert.deepEqual(server.authAttempts, ['none', 'publickey', 'publickey', 'password']);
      assert.equal(prompts.passwordQuestions.length, 1);
      assert.deepEqual([...setup.secrets.values.entries()], [[passwordSecretKey(target), 'pw']]);
    } finally {
      agent.stop();
    }
  });

  it('goes on to the next method when the agent socket is dead', async () => {
    server = await startFakeSshServer({ password: 'pw', authorizedKey: setup.clientKey().publicLine });
    await setup.trust('127.0.0.1', server.port, server.hostKeyBlob);
    const prompts = new ScriptedPrompts({ passwords: ['pw'] });
    const target = { host: '127.0.0.1', port: server.port, user: 'root' };
    const result = await setup.connect(target, prompts, { agentSocket: path.join(setup.dir, 'no-such-agent.sock') }).exec(['true']);
    assert.equal(result.code, 0);
    assert.ok(setup.log.lines.some((line) => line.includes('ssh-agent could not be used')));
  });

  it('answers keyboard-interactive prompts with the password when the server offers only that', async () => {
    server = await startFakeSshServer({ password: 'pw', keyboardInteractiveOnly: true });
    await setup.trust('127.0.0.1', server.port, server.hostKeyBlob);
    const prompts = new ScriptedPrompts({ passwords: ['pw'] });
    await setup.connect({ host: '127.0.0.1', port: server.port, user: 'root' }, prompts).exec(['true']);
    assert.deepEqual(server.authAttempts, ['none', 'keyboard-interactive']);
  });

  it('says which methods the server accepts when none of ours fits, without asking for a password', async () => {
    server = await startFakeSshServer({ authorizedKey: setup.clientKey().publicLine });
    await setup.trust('127.0.0.1', server.port, server.hostKeyBlob);
    const prompts = new ScriptedPrompts();
    await assert.rejects(setup.connect({ host: '127.0.0.1', port: server.port, user: 'root' }, prompts).exec(['true']), (error: unknown) => {
      assert.ok(error instanceof SshError);
      assert.equal(error.kind, 'auth');
      assert.match(error.message, /^Permission denied for root@127\.0\.0\.1:\d+ \(the server accepts: publickey; tried: nothing usable\)/);
      return true;
    });
  });

  it('reports an unreadable identity file in the denial', async () => {
    server = await startFakeSshServer({ authorizedKey: setup.clientKey().publicLine });
    await setup.trust('127.0.0.1', server.port, server.hostKeyBlob);
    const missing = path.join(setup.dir, 'missing_key');
    await assert.rejects(
      setup.connect({ host: '127.0.0.1', port: server.port, user: 'root', identityFile: missing }, new ScriptedPrompts()).exec(['true']),
      (error: unknown) => error instanceof SshError && error.message.includes(`key ${missing} (unreadable)`),
    );
  });

  it('declining an unknown host key ends the connection before any login packet', async () => {
    server = await startFakeSshServer({ password: 'pw' });
    const prompts = new ScriptedPrompts({ acceptHostKey: false, passwords: ['pw'] });
    await assert.rejects(setup.connect({ host: '127.0.0.1', port: server.port, user: 'root' }, prompts).exec(['true']), HostKeyError);
    assert.equal(prompts.hostKeyQuestions[0]?.fingerprint, fingerprintSha256(server.hostKeyBlob));
    assert.deepEqual(server.authAttempts, []);
    assert.deepEqual(server.execs, []);
  });

  it('asks the host for the key type on record, so a host known by its RSA key is not "unknown"', async () => {
    const rsaFile = path.join(setup.dir, 'host_rsa');
    execFileSync('ssh-keygen', ['-q', '-t', 'rsa', '-b', '2048', '-N', '', '-f', rsaFile]);
    const rsaBlob = Buffer.from(fs.readFileSync(`${rsaFile}.pub`, 'utf8').split(' ')[1] ?? '', 'base64');
    const rsaPrivate = fs.readFileSync(rsaFile, 'utf8');
    server = await startFakeSshServer({ password: 'pw', hostKey: generateEd25519().private, extraHostKeys: [rsaPrivate] });
    await setup.trust('127.0.0.1', server.port, rsaBlob);
    const prompts = new ScriptedPrompts({ passwords: ['pw'] }); // a host key question would fail the test
    await setup.connect({ host: '127.0.0.1', port: server.port, user: 'root' }, prompts).exec(['true']);
    assert.equal(prompts.hostKeyQuestions.length, 0);
  });

  it('refuses a changed key and names the trust file line to remove', async () => {
    server = await startFakeSshServer({ password: 'pw' });
    const oldKey = utils.parseKey(generateEd25519().public) as { getPublicSSH(): Buffer };
    await setup.trust('127.0.0.1', server.port, oldKey.getPublicSSH());
    const prompts = new ScriptedPrompts({ passwords: ['pw'] });
    await assert.rejects(setup.connect({ host: '127.0.0.1', port: server.port, user: 'root' }, prompts).exec(['true']), (error: unknown) => {
      assert.ok(error instanceof HostKeyError);
      assert.equal(error.kind, 'changed');
      assert.ok(error.message.includes(`remove line 1 of ${setup.trustFile}`), error.message);
      return true;
    });
    assert.deepEqual(server.authAttempts, []);
    assert.equal(fs.readFileSync(setup.trustFile, 'utf8').split('\n').filter(Boolean).length, 1, 'the trust file is left as it was');
  });
});
