import { EventEmitter } from 'node:events';
import * as net from 'node:net';
import { Server, utils, type AuthContext, type Connection, type ServerChannel } from 'ssh2';
import { generateEd25519 } from './generateEd25519';

/**
 * An in-process ssh2 server for the faults OpenSSH will not produce on demand: a reply that stalls halfway,
 * a connection dropped after login, a server refusing channels, packets that split a UTF-8 character. It
 * also records what reached it, so a test can prove that nothing was sent (no login attempt at all).
 * The real sshd of the lab simulator remains the main fake host.
 */
export interface FakeExec {
  readonly command: string;
  readonly channel: ServerChannel;
  readonly connection: Connection;
}

export interface FakeSshServerOptions {
  readonly user?: string;
  /** Accepted password; password login is refused when undefined. */
  readonly password?: string;
  /** An OpenSSH public key line accepted for publickey login. */
  readonly authorizedKey?: string;
  /** Offer keyboard-interactive instead of password (PAM-style servers). */
  readonly keyboardInteractiveOnly?: boolean;
  /** Refuse session channels beyond this many open at once (like sshd's MaxSessions). */
  readonly maxSessions?: number;
  /** Host private key (OpenSSH format); a fresh ed25519 key when omitted. */
  readonly hostKey?: string;
  /** More host keys of other types, offered in the key exchange as well. */
  readonly extraHostKeys?: readonly string[];
  /** Listen on this port (to bring a "rebooted" host back where it was); any free port when omitted. */
  readonly port?: number;
  /** Handles each exec; the default answers `ok` and exits 0. */
  readonly onExec?: (exec: FakeExec) => void;
}

export interface FakeSshServer {
  port: number;
  /** The host's public key blob, as a client sees it in the key exchange. */
  readonly hostKeyBlob: Buffer;
  /** TCP connections accepted. */
  connections: number;
  /** Login attempts by method, in order, 'none' included. */
  readonly authAttempts: string[];
  readonly execs: string[];
  /** Channels the client closed before the command ended. */
  closedByClient: number;
  /** Session channels refused because of maxSessions. */
  refusedSessions: number;
  /** Emits 'exec', 'closedByClient' and 'disconnect' (a TCP connection ended), so tests await events, not time. */
  readonly events: EventEmitter;
  /** Ends every client connection abruptly, as a crashed host or a cut cable would. */
  dropAll(): void;
  stop(): Promise<void>;
}

export async function startFakeSshServer(options: FakeSshServerOptions = {}): Promise<FakeSshServer> {
  const hostKey = options.hostKey ?? generateEd25519().private;
  const parsedHostKey = utils.parseKey(hostKey);
  if (parsedHostKey instanceof Error || Array.isArray(parsedHostKey)) {
    throw new Error('bad host key');
  }
  const authorized = options.authorizedKey ? utils.parseKey(options.authorizedKey) : undefined;
  if (authorized instanceof Error || Array.isArray(authorized)) {
    throw new Error('bad authorized key');
  }
  const user = options.user ?? 'root';
  const sockets = new Set<net.Socket>();
  const methods = (): Array<'publickey' | 'password' | 'keyboard-interactive'> => [
    ...(authorized ? (['publickey'] as const) : []),
    ...(options.password !== undefined ? [options.keyboardInteractiveOnly ? ('keyboard-interactive' as const) : ('password' as const)] : []),
  ];

  const state: FakeSshServer = {
    port: 0,
    hostKeyBlob: parsedHostKey.getPublicSSH(),
    connections: 0,
    authAttempts: [],
    execs: [],
    closedByClient: 0,
    refusedSessions: 0,
    events: new EventEmitter(),
    dropAll: () => {
      for (const socket of sockets) {
        socket.destroy();
      }
    },
    stop: () =>
      new Promise<void>((resolve) => {
        state.dropAll();
        tcp.close(() => resolve());
      }),
  };

  const authenticate = (context: AuthContext): void => {
    state.authAttempts.push(context.method);
    const ok = context.username === user;
    switch (context.method) {
      case 'password':
        return ok && context.password === options.password ? context.accept() : context.reject(methods());
      case 'keyboard-interactive':
        return context.prompt([{ prompt: 'Password: ', echo: false }], (answers) =>
          ok && answers[0] === options.password ? context.accept() : context.reject(methods()),
        );
      case 'publickey': {
        if (!ok || !authorized || context.key.algo !== authorized.type || !context.key.data.equals(authorized.getPublicSSH())) {
          return context.reject(methods());
        }
        if (context.signature && context.blob) {
          return authorized.verify(context.blob, context.signature, context.hashAlgo) === true ? context.accept() : context.reject(methods());
        }
        return context.accept(); // the client only asked whether this key would do
      }
      default:
        return context.reject(methods());
    }
  };

  const server = new Server({ hostKeys: [hostKey, ...(options.extraHostKeys ?? [])] }, (connection) => {
    let openSessions = 0;
    connection.on('error', () => undefined);
    connection.on('authentication', authenticate);
    connection.on('ready', () => {
      connection.on('session', (accept, reject) => {
        if (options.maxSessions !== undefined && openSessions >= options.maxSessions) {
          state.refusedSessions++;
          reject();
          return;
        }
        openSessions++;
        const session = accept();
        session.on('close', () => {
          openSessions--;
        });
        session.on('exec', (acceptExec, _rejectExec, info) => {
          state.execs.push(info.command);
          state.events.emit('exec', info.command);
          const channel = acceptExec();
          // A channel only reports 'close' once its input has been read; handlers that want stdin listen too.
          channel.resume();
          // Handlers always send an exit status; a channel that closes without one was closed by the client.
          let exited = false;
          const exit = channel.exit.bind(channel) as (...args: unknown[]) => void;
          channel.exit = ((...args: unknown[]) => {
            exited = true;
            exit(...args);
          }) as typeof channel.exit;
          channel.on('close', () => {
            if (!exited) {
              state.closedByClient++;
              state.events.emit('closedByClient');
            }
          });
          (options.onExec ?? answerOk)({ command: info.command, channel, connection });
        });
      });
    });
  });
  // Our own listener hands sockets to ssh2, so the test can count them and cut them.
  const tcp = net.createServer((socket) => {
    state.connections++;
    sockets.add(socket);
    socket.on('close', () => {
      sockets.delete(socket);
      state.events.emit('disconnect');
    });
    server.injectSocket(socket);
  });
  await new Promise<void>((resolve) => tcp.listen(options.port ?? 0, '127.0.0.1', () => resolve()));
  const address = tcp.address();
  state.port = typeof address === 'object' && address ? address.port : 0;
  return state;
}

function answerOk({ channel }: FakeExec): void {
  channel.write('ok\n');
  channel.exit(0);
  channel.end();
}

/** A TCP server that accepts connections and never says a word: no SSH banner ever arrives. */
export async function startSilentServer(): Promise<{ port: number; stop(): Promise<void> }> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => undefined);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const address = server.address();
  return {
    port: typeof address === 'object' && address ? address.port : 0,
    stop: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) {
          socket.destroy();
        }
        server.close(() => resolve());
      }),
  };
}
