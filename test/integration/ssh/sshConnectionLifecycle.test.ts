import * as assert from 'node:assert/strict';
import { once } from 'node:events';
import * as net from 'node:net';
import { CancelledError, SshError, UnsafeArgumentError } from '../../../src/core/errors';
import { CollectingLog } from './collectingLog';
import { ConnectionSetup } from './connectionSetup';
import { generateEd25519 } from './generateEd25519';
import { startFakeSshServer, startSilentServer, type FakeExec, type FakeSshServer } from './fakeSshServer';
import { ScriptedPrompts } from './scriptedPrompts';

/** Connection lifecycle and faults, against an in-process ssh2 server that can misbehave on cue. */
describe('SshConnection lifecycle (in-process ssh2 server)', () => {
  let setup: ConnectionSetup;
  let server: FakeSshServer | undefined;
  const prompts = new ScriptedPrompts();

  beforeEach(() => {
    setup = new ConnectionSetup();
  });

  afterEach(async () => {
    setup.dispose();
    await server?.stop();
    server = undefined;
  });

  /** A server that accepts the setup's client key, already trusted, and a connection to it. */
  async function serve(onExec?: (exec: FakeExec) => void, extra: { maxSessions?: number } = {}) {
    const key = setup.clientKey();
    server = await startFakeSshServer({ authorizedKey: key.publicLine, onExec, ...extra });
    await setup.trust('127.0.0.1', server.port, server.hostKeyBlob);
    const target = { host: '127.0.0.1', port: server.port, user: 'root', identityFile: key.privateKeyPath };
    return { server, target };
  }

  it('runs concurrent and sequential execs over one connection', async () => {
    const { server, target } = await serve(({ command, channel }) => {
      channel.write(`ran ${command}\n`);
      channel.exit(0);
      channel.end();
    });
    const connection = setup.connect(target, prompts);
    const results = await Promise.all(Array.from({ length: 12 }, (_, i) => connection.exec(['echo', `n${i}`])));
    for (let i = 0; i < 3; i++) {
      await connection.exec(['echo', 'again']);
    }
    assert.deepEqual(results.map((result) => result.stdout), Array.from({ length: 12 }, (_, i) => `ran echo n${i}\n`));
    assert.equal(server.execs.length, 15);
    assert.equal(server.connections, 1, 'one TCP connection at the server');
    assert.equal(connection.loginCount, 1);
  });

  it('decodes UTF-8 characters split across packets, on stdout and stderr', async () => {
    const text = 'é日本😀 ok';
    const bytes = Buffer.from(text, 'utf8');
    const { target } = await serve(({ channel }) => {
      // One byte per write: every multi-byte character arrives cut into separate packets.
      for (const byte of bytes) {
        channel.write(Buffer.from([byte]));
        channel.stderr.write(Buffer.from([byte]));
      }
      channel.exit(0);
      channel.end();
    });
    const result = await setup.connect(target, prompts).exec(['cat']);
    assert.equal(result.stdout, text);
    assert.equal(result.stderr, text);
  });

  it('reports the exit code, or the signal that killed the command', async () => {
    const { target } = await serve(({ command, channel }) => {
      if (command === 'die') {
        channel.exit('KILL', false, '');
      } else {
        channel.exit(3);
      }
      channel.end();
    });
    const connection = setup.connect(target, prompts);
    const failed = await connection.exec(['fail']);
    assert.equal(failed.code, 3);
    assert.equal(failed.signal, undefined);
    const killed = await connection.exec(['die']);
    assert.equal(killed.code, null);
    assert.equal(killed.signal, 'SIGKILL');
  });

  it('writes stdin, then EOF', async () => {
    const { target } = await serve(({ channel }) => {
      const chunks: Buffer[] = [];
      channel.on('data', (chunk: Buffer) => chunks.push(chunk));
      channel.on('end', () => {
        channel.write(Buffer.concat(chunks).toString('utf8').toUpperCase());
        channel.exit(0);
        channel.end();
      });
    });
    const result = await setup.connect(target, prompts).exec(['tr'], { stdin: 'mdadm.conf\ncontent' });
    assert.equal(result.stdout, 'MDADM.CONF\nCONTENT');
  });

  it('times out a reply that stalls halfway, closes its channel, and keeps the connection for the next exec', async () => {
    const { server, target } = await serve(({ command, channel }) => {
      if (command === 'stall') {
        channel.write('partial'); // and never finishes
        return;
      }
      channel.write('fine');
      channel.exit(0);
      channel.end();
    });
    const connection = setup.connect(target, prompts);
    const closedAtServer = once(server.events, 'closedByClient');
    await assert.rejects(connection.exec(['stall'], { timeoutMs: 300 }), (error: unknown) => error instanceof SshError && error.kind === 'timeout');
    await closedAtServer;
    assert.equal((await connection.exec(['next'])).stdout, 'fine');
    assert.equal(server.connections, 1);
  });

  it('cancels a running exec by AbortSignal: CancelledError, channel closed at the server', async () => {
    const controller = new AbortController();
    const { server, target } = await serve(({ channel }) => {
      channel.write('working');
      controller.abort(); // the user cancels while the command runs
    });
    const connection = setup.connect(target, prompts);
    const closedAtServer = once(server.events, 'closedByClient');
    await assert.rejects(connection.exec(['long'], { signal: controller.signal }), CancelledError);
    await closedAtServer;
    assert.equal(setup.commands.at(-1)?.error, 'Cancelled');
  });

  it('does not even connect for an exec cancelled beforehand', async () => {
    const { server, target } = await serve();
    const controller = new AbortController();
    controller.abort();
    await assert.rejects(setup.connect(target, prompts).exec(['x'], { signal: controller.signal }), CancelledError);
    assert.equal(server.connections, 0);
  });

  it('refuses an argv with a newline before connecting', async () => {
    const { server, target } = await serve();
    await assert.rejects(setup.connect(target, prompts).exec(['xe', 'vm-list', 'name-label=a\nb']), UnsafeArgumentError);
    assert.equal(server.connections, 0);
  });

  it('queues channels the server refuses (MaxSessions) instead of failing them', async () => {
    const { server, target } = await serve(
      ({ channel }) => {
        setTimeout(() => {
          channel.write('done');
          channel.exit(0);
          channel.end();
        }, 20);
      },
      { maxSessions: 2 },
    );
    const connection = setup.connect(target, prompts, { maxChannels: 8 });
    const results = await Promise.all(Array.from({ length: 9 }, () => connection.exec(['work'])));
    assert.ok(server.refusedSessions > 0, 'the server did refuse channels');
    assert.deepEqual(results.map((result) => result.stdout), Array(9).fill('done'));
    assert.equal(server.execs.length, 9);
  });

  it('fails a running exec when the connection drops, and reconnects for the next one', async () => {
    const { server, target } = await serve(({ command, channel }) => {
      if (command === 'crash') {
        server.dropAll();
        return;
      }
      channel.write('up');
      channel.exit(0);
      channel.end();
    });
    const connection = setup.connect(target, prompts);
    await connection.exec(['first']);
    await assert.rejects(connection.exec(['crash']), (error: unknown) => error instanceof SshError && error.kind === 'closed');
    assert.equal((await connection.exec(['after'])).stdout, 'up');
    assert.equal(server.connections, 2);
    assert.equal(connection.loginCount, 2);
  });

  describe('reconnecting after a drop', () => {
    const hostKey = generateEd25519().private;
    let key: { privateKeyPath: string; publicLine: string };
    let servers: FakeSshServer[];

    /** The same host (same port and host key) each time; 'crash' takes the whole server down. */
    async function startHost(port?: number): Promise<FakeSshServer> {
      const host = await startFakeSshServer({
        port,
        hostKey,
        authorizedKey: key.publicLine,
        onExec: ({ command, channel }) => {
          if (command === 'crash') {
            void host.stop();
            return;
          }
          channel.write('up');
          channel.exit(0);
          channel.end();
        },
      });
      servers.push(host);
      return host;
    }

    beforeEach(() => {
      key = setup.clientKey();
      servers = [];
    });

    afterEach(async () => {
      await Promise.all(servers.map((host) => host.stop()));
    });

    it('retries with backoff until the host is back', async () => {
      const first = await startHost();
      const port = first.port;
      await setup.trust('127.0.0.1', port, first.hostKeyBlob);
      let restarted = false;
      const log = new CollectingLog((line) => {
        if (line.includes('reconnecting in') && !restarted) {
          restarted = true;
          void startHost(port);
        }
      });
      const connection = setup.connect({ host: '127.0.0.1', port, user: 'root', identityFile: key.privateKeyPath }, prompts, {
        log,
        backoff: { initialMs: 50, factor: 2, maxMs: 1000, maxAttempts: 6 },
      });
      await connection.exec(['before']);
      await assert.rejects(connection.exec(['crash']), (error: unknown) => error instanceof SshError && error.kind === 'closed');
      assert.equal((await connection.exec(['after'])).stdout, 'up');
      assert.ok(restarted, 'the first reconnect attempt failed and a retry was announced');
      assert.equal(connection.loginCount, 2);
    });

    it('gives up after the bounded number of attempts, then tries once per use', async () => {
      const first = await startHost();
      await setup.trust('127.0.0.1', first.port, first.hostKeyBlob);
      const log = new CollectingLog();
      const connection = setup.connect({ host: '127.0.0.1', port: first.port, user: 'root', identityFile: key.privateKeyPath }, prompts, {
        log,
        backoff: { initialMs: 20, factor: 2, maxMs: 1000, maxAttempts: 3 },
      });
      await connection.exec(['before']);
      await assert.rejects(connection.exec(['crash']), SshError);
      await assert.rejects(connection.exec(['after']), (error: unknown) => error instanceof SshError && error.kind === 'unreachable');
      const retries = (): number => log.lines.filter((line) => line.includes('reconnecting in')).length;
      assert.equal(retries(), 2, 'three attempts: the first and two retries');
      await assert.rejects(connection.exec(['later']), SshError);
      assert.equal(retries(), 2, 'the host is considered down: one attempt per use, no new retry series');
    });
  });

  it('closes an idle connection and opens a new one on the next use', async () => {
    const { server, target } = await serve();
    const connection = setup.connect(target, prompts, { idleTimeoutMs: 100 });
    await connection.exec(['one']);
    assert.equal(connection.isConnected, true);
    await once(server.events, 'disconnect');
    assert.equal(connection.isConnected, false);
    await connection.exec(['two']);
    assert.equal(server.connections, 2);
    assert.ok(!setup.log.lines.some((line) => line.includes('reconnecting')), 'an idle close is not a drop: no backoff');
  });

  it('logs every command with its argv, exit status and duration', async () => {
    const { target } = await serve(({ channel }) => {
      channel.exit(7);
      channel.end();
    });
    await setup.connect(target, prompts).exec(['xe', 'vm-list', 'name-label=a b']);
    assert.equal(setup.commands.length, 1);
    const [entry] = setup.commands;
    assert.deepEqual(entry?.argv, ['xe', 'vm-list', 'name-label=a b']);
    assert.equal(entry?.commandLine, "xe vm-list 'name-label=a b'");
    assert.equal(entry?.code, 7);
    assert.equal(entry?.connection, 'test-pool');
    assert.equal(entry?.target, `root@127.0.0.1:${target.port}`);
    assert.ok((entry?.durationMs ?? -1) >= 0);
  });

  it('fails pending and later execs once disposed', async () => {
    const { server: host, target } = await serve(() => undefined); // never answers
    const connection = setup.connect(target, prompts);
    const arrived = once(host.events, 'exec');
    const pending = connection.exec(['hang']);
    await arrived;
    connection.dispose();
    await assert.rejects(pending, (error: unknown) => error instanceof SshError && error.kind === 'closed');
    await assert.rejects(connection.exec(['later']), (error: unknown) => error instanceof SshError && error.kind === 'closed');
  });
});

describe('SshConnection failures before login', () => {
  let setup: ConnectionSetup;
  beforeEach(() => {
    setup = new ConnectionSetup();
  });
  afterEach(() => setup.dispose());

  it('says "connection refused" for a port where nothing listens', async () => {
    const port = await closedPort();
    const connection = setup.connect({ host: '127.0.0.1', port, user: 'root' }, new ScriptedPrompts());
    await assert.rejects(connection.exec(['true']), (error: unknown) => {
      assert.ok(error instanceof SshError);
      assert.equal(error.kind, 'unreachable');
      assert.match(error.message, new RegExp(`refused.*port ${port}`));
      return true;
    });
  });

  it('times out a server that never sends its SSH banner', async () => {
    const silent = await startSilentServer();
    try {
      const connection = setup.connect({ host: '127.0.0.1', port: silent.port, user: 'root' }, new ScriptedPrompts(), { connectTimeoutMs: 300 });
      await assert.rejects(connection.exec(['true']), (error: unknown) => error instanceof SshError && error.kind === 'timeout');
    } finally {
      await silent.stop();
    }
  });

});

async function closedPort(): Promise<number> {
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', () => resolve()));
  const address = probe.address();
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return typeof address === 'object' && address ? address.port : 0;
}
