import { performance } from 'node:perf_hooks';
import type { Client, ClientChannel, SFTPWrapper } from 'ssh2';
import { CancelledError, SshError } from '../errors';
import { silentLog, type Log } from '../log';
import { abortableDelay } from './abortableDelay';
import { backoffDelay, defaultBackoffPolicy, type BackoffPolicy } from './backoffDelay';
import { ChannelSlots, type ReleaseSlot } from './channelSlots';
import type { ExecOutput } from './collectExecOutput';
import { collectingExec } from './collectingExec';
import type { CommandLogger } from './commandLogEntry';
import { connectSsh } from './connectSsh';
import { quoteArgv } from './quoteArgv';
import { openSlottedChannel, type OpenChannel } from './openSlottedChannel';
import { raceAbort } from './raceAbort';
import { stopChannel } from './stopChannel';
import type { ExecOptions, ExecResult, RemoteExec } from './remoteExec';
import type { SecretStore } from './secretStore';
import type { SshPrompts } from './sshPrompts';
import { describeTarget, type SshTarget } from './sshTarget';
import { toSshError } from './toSshError';
import type { TrustStore } from './trustStore';

export interface SshConnectionOptions {
  /** The connection's name in the command log and in messages (the pool id). */
  readonly name: string;
  readonly target: SshTarget;
  readonly trustStore: TrustStore;
  readonly prompts: SshPrompts;
  readonly secrets: SecretStore;
  /** ssh-agent socket, normally `process.env.SSH_AUTH_SOCK`; no agent when undefined. */
  readonly agentSocket?: string;
  readonly log?: Log;
  /** Receives every command sent, for the command log view. */
  readonly onCommand?: CommandLogger;
  /** Login deadline, not counting time spent on prompts. Default 20 s. */
  readonly connectTimeoutMs?: number;
  /** Default per-exec deadline, from the moment the login is done. Default 60 s. */
  readonly execTimeoutMs?: number;
  /** Close the connection after this long with nothing running. Default 2 min. */
  readonly idleTimeoutMs?: number;
  /** SSH keepalive period and how many may go unanswered before the connection counts as dropped. */
  readonly keepaliveIntervalMs?: number;
  readonly keepaliveCountMax?: number;
  /** Channels open at once; more wait in a queue. Default 8, under sshd's default MaxSessions of 10. */
  readonly maxChannels?: number;
  /** Reconnecting after a drop. */
  readonly backoff?: BackoffPolicy;
}

export interface ShellOptions {
  readonly cols?: number;
  readonly rows?: number;
  /** $TERM on the host; default xterm-256color. */
  readonly term?: string;
  readonly signal?: AbortSignal;
}

/** One logged-in ssh2 client and what belongs to it. */
interface Live {
  readonly client: Client;
  readonly slots: ChannelSlots;
  /** Operations to fail at once if the connection goes away. */
  readonly onDrop: Set<(error: Error) => void>;
  /** We closed it ourselves (idle, close(), dispose()): not a drop, no backoff. */
  closing: boolean;
  /** The error ssh2 reported just before closing, if any (e.g. keepalive timeout). */
  lastError?: Error;
}

const RETRYABLE = new Set<SshError['kind']>(['unreachable', 'timeout', 'closed']);

/**
 * One SSH connection to a pool master, shared by everything that talks to that pool: opened on first use,
 * reused for every exec (concurrent ones each get a channel), kept alive, closed after an idle period and
 * reopened on the next use, reconnected with backoff after a drop. Implements {@link RemoteExec}; also hands
 * out shell and SFTP channels on the same connection.
 */
export class SshConnection implements RemoteExec {
  private live: Live | undefined;
  private connecting: Promise<Live> | undefined;
  /** The last connection dropped on its own; the next connect retries with backoff. */
  private dropped = false;
  private disposed = false;
  /** Operations running or waiting, shells and SFTP sessions included; the idle timer runs only at zero. */
  private users = 0;
  private idleTimer: NodeJS.Timeout | undefined;
  private readonly lifetime = new AbortController();
  private readonly log: Log;
  private logins = 0;

  constructor(private readonly options: SshConnectionOptions) {
    this.log = options.log ?? silentLog;
  }

  get target(): SshTarget {
    return this.options.target;
  }

  /** Successful logins so far: 1 for any number of execs on one kept-open connection. */
  get loginCount(): number {
    return this.logins;
  }

  get isConnected(): boolean {
    return this.live !== undefined;
  }

  async exec(argv: readonly string[], options: ExecOptions = {}): Promise<ExecResult> {
    // Quoting throws on values that cannot be sent: before any connection is made.
    const commandLine = quoteArgv(argv);
    const time = new Date();
    const started = performance.now();
    const done = this.hold();
    try {
      const output = await this.runCommand(commandLine, options);
      const durationMs = performance.now() - started;
      this.record({ time, argv, commandLine, code: output.code, signal: output.signal, durationMs });
      return { ...output, durationMs };
    } catch (error) {
      const durationMs = performance.now() - started;
      this.record({ time, argv, commandLine, code: null, durationMs, error: (error as Error).message });
      throw error;
    } finally {
      done();
    }
  }

  /**
   * A login shell with a pseudo-terminal, for a terminal view. The caller owns the channel: resize it with
   * `setWindow`, close it with `end()`. It keeps the connection open while it lives.
   */
  openShell(options: ShellOptions = {}): Promise<ClientChannel> {
    const window = { term: options.term ?? 'xterm-256color', cols: options.cols ?? 80, rows: options.rows ?? 24 };
    return this.openOwnedChannel<ClientChannel>((client, callback) => client.shell(window, callback), options.signal);
  }

  /** An SFTP session on this connection. The caller ends it (`end()`); it keeps the connection open meanwhile. */
  sftp(options: { readonly signal?: AbortSignal } = {}): Promise<SFTPWrapper> {
    return this.openOwnedChannel<SFTPWrapper>((client, callback) => client.sftp(callback), options.signal);
  }

  /** Closes the connection now; running commands fail with SshError('closed'). The next use reconnects. */
  close(): void {
    const live = this.live;
    if (live) {
      live.closing = true;
      // Let go of it now, not at ssh2's 'close' event: a use in between must open a new connection rather
      // than reach for one that is shutting down.
      this.closed(live);
      live.client.end();
    }
  }

  /** Closes for good: pending and later calls fail. */
  dispose(): void {
    this.disposed = true;
    this.lifetime.abort();
    this.clearIdle();
    this.close();
  }

  /** A channel handed to the caller, who closes it; until then it holds a slot and keeps the connection open. */
  private async openOwnedChannel<T extends ClientChannel | SFTPWrapper>(
    open: (client: Client, callback: (error: Error | undefined, channel: T) => void) => void,
    signal: AbortSignal | undefined,
  ): Promise<T> {
    const done = this.hold();
    try {
      const live = await raceAbort(this.acquire(), signal);
      const { channel, release } = await this.openChannel<T>(live, open, signal);
      channel.once('close', () => {
        release();
        done();
      });
      return channel;
    } catch (error) {
      done();
      throw toSshError(error, this.target);
    }
  }

  private async runCommand(commandLine: string, options: ExecOptions): Promise<ExecOutput> {
    const { signal } = options;
    if (signal?.aborted) {
      throw new CancelledError();
    }
    const live = await raceAbort(this.acquire(), signal);
    // The exec deadline starts after the login, which has its own and may be waiting on the user.
    const timeoutMs = options.timeoutMs ?? this.options.execTimeoutMs ?? 60_000;
    return new Promise<ExecOutput>((resolve, reject) => {
      let finished = false;
      let channel: ClientChannel | undefined;
      let release: ReleaseSlot | undefined;

      const finish = (error: Error | undefined, output?: ExecOutput): void => {
        if (finished) {
          return;
        }
        finished = true;
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
        live.onDrop.delete(onDrop);
        if (error && channel) {
          stopChannel(channel);
        }
        release?.();
        if (error) {
          reject(error);
        } else if (output) {
          resolve(output);
        }
      };
      const timer = setTimeout(() => {
        finish(new SshError('timeout', `The command did not finish within ${formatSeconds(timeoutMs)} on ${describeTarget(this.target)}: ${commandLine}`));
      }, timeoutMs);
      const onAbort = (): void => finish(new CancelledError());
      const onDrop = (error: Error): void => finish(error);
      signal?.addEventListener('abort', onAbort, { once: true });
      live.onDrop.add(onDrop);

      const exec = collectingExec(commandLine, options.stdin);
      this.openChannel<ClientChannel>(live, exec.open, signal).then(
        (opened) => {
          const collected = exec.output();
          if (finished) {
            collected.catch(() => undefined);
            stopChannel(opened.channel);
            opened.release();
            return;
          }
          channel = opened.channel;
          release = opened.release;
          collected.then(
            (result) => finish(undefined, result),
            (error: unknown) => finish(toSshError(error, this.target)),
          );
        },
        (error: unknown) => finish(toSshError(error, this.target)),
      );
    });
  }

  private openChannel<T>(live: Live, open: OpenChannel<T>, signal: AbortSignal | undefined): Promise<{ channel: T; release: ReleaseSlot }> {
    return openSlottedChannel(live.client, live.slots, open, signal, (othersOpen) => {
      if (this.live !== live) return false;
      this.log.debug(`${this.options.name}: the server refused a channel with ${othersOpen} open; queueing at that limit.`);
      return true;
    });
  }

  private acquire(): Promise<Live> {
    if (this.disposed) {
      return Promise.reject(new SshError('closed', `The connection "${this.options.name}" has been closed.`));
    }
    if (this.live) {
      return Promise.resolve(this.live);
    }
    this.connecting ??= this.connectWithRetry().finally(() => {
      this.connecting = undefined;
    });
    return this.connecting;
  }

  private async connectWithRetry(): Promise<Live> {
    const policy = this.options.backoff ?? defaultBackoffPolicy;
    // A first connect, or one after an idle close, fails fast: the caller shows why. Only a drop is retried.
    const attempts = this.dropped ? policy.maxAttempts : 1;
    this.dropped = false;
    for (let attempt = 0; ; attempt++) {
      try {
        const client = await connectSsh({
          target: this.target,
          trustStore: this.options.trustStore,
          prompts: this.options.prompts,
          secrets: this.options.secrets,
          agentSocket: this.options.agentSocket,
          connectTimeoutMs: this.options.connectTimeoutMs ?? 20_000,
          keepaliveIntervalMs: this.options.keepaliveIntervalMs ?? 15_000,
          keepaliveCountMax: this.options.keepaliveCountMax ?? 3,
          log: this.log,
        });
        if (this.disposed) {
          client.end();
          throw new SshError('closed', `The connection "${this.options.name}" has been closed.`);
        }
        return this.adopt(client);
      } catch (error) {
        const retryable = error instanceof SshError && RETRYABLE.has(error.kind);
        if (attempt + 1 >= attempts || !retryable || this.disposed) {
          throw error;
        }
        const wait = backoffDelay(attempt, policy);
        this.log.info(`${this.options.name}: reconnecting in ${wait} ms (attempt ${attempt + 2} of ${attempts}): ${(error as Error).message}`);
        await abortableDelay(wait, this.lifetime.signal);
      }
    }
  }

  private adopt(client: Client): Live {
    const live: Live = { client, slots: new ChannelSlots(this.options.maxChannels ?? 8), onDrop: new Set(), closing: false };
    this.live = live;
    this.logins++;
    this.log.info(`${this.options.name}: connected to ${describeTarget(this.target)}.`);
    client.on('error', (error: Error) => {
      live.lastError = toSshError(error, this.target);
      this.log.warn(`${this.options.name}: ${live.lastError.message}`);
    });
    client.on('close', () => this.closed(live));
    if (this.users === 0) {
      this.armIdle();
    }
    return live;
  }

  private closed(live: Live): void {
    if (this.live !== live) {
      return;
    }
    this.live = undefined;
    this.clearIdle();
    const where = describeTarget(this.target);
    const error = live.closing
      ? new SshError('closed', `The connection to ${where} was closed.`)
      : new SshError('closed', `Lost the connection to ${where}${live.lastError ? `: ${live.lastError.message}` : '.'}`);
    if (!live.closing) {
      this.dropped = true;
      this.log.warn(`${this.options.name}: ${error.message}`);
    }
    live.slots.refuseWaiters(error);
    for (const onDrop of [...live.onDrop]) {
      onDrop(error);
    }
  }

  /** Marks the connection busy until the returned function is called. */
  private hold(): () => void {
    this.users++;
    this.clearIdle();
    let released = false;
    return () => {
      if (released) {
        return;
      }
      released = true;
      if (--this.users === 0) {
        this.armIdle();
      }
    };
  }

  private armIdle(): void {
    this.clearIdle();
    if (!this.live || this.disposed) {
      return;
    }
    const idleMs = this.options.idleTimeoutMs ?? 120_000;
    this.idleTimer = setTimeout(() => {
      this.idleTimer = undefined;
      if (this.users === 0 && this.live) {
        this.log.debug(`${this.options.name}: idle for ${formatSeconds(idleMs)}, closing.`);
        this.close();
      }
    }, idleMs);
  }

  private clearIdle(): void {
    if (this.idleTimer) {
      clearTimeout(this.idleTimer);
      this.idleTimer = undefined;
    }
  }

  private record(entry: {
    time: Date;
    argv: readonly string[];
    commandLine: string;
    code: number | null;
    signal?: string;
    durationMs: number;
    error?: string;
  }): void {
    const line = `${entry.commandLine} -> ${entry.error ?? `exit ${entry.code ?? entry.signal ?? '?'}`} (${Math.round(entry.durationMs)} ms)`;
    this.log.debug(`${this.options.name}: ${line}`);
    try {
      this.options.onCommand?.({ ...entry, connection: this.options.name, target: describeTarget(this.target) });
    } catch (error) {
      this.log.warn(`Command log listener failed: ${String(error)}`);
    }
  }
}

function formatSeconds(ms: number): string {
  return ms >= 1000 ? `${Math.round(ms / 100) / 10} s` : `${ms} ms`;
}
