import { Client, type ConnectConfig } from 'ssh2';
import { SshError } from '../errors';
import type { Log } from '../log';
import { checkHostKey } from './checkHostKey';
import { PausableTimeout } from './pausableTimeout';
import type { SecretStore } from './secretStore';
import { SshAuthenticator } from './sshAuthenticator';
import type { SshPrompts } from './sshPrompts';
import { describeTarget, type SshTarget } from './sshTarget';
import { toSshError } from './toSshError';
import type { TrustStore } from './trustStore';

export interface ConnectSshOptions {
  readonly target: SshTarget;
  readonly trustStore: TrustStore;
  readonly prompts: SshPrompts;
  readonly secrets: SecretStore;
  readonly agentSocket?: string;
  /** From the first byte to a logged-in session, not counting time the user spends on prompts. */
  readonly connectTimeoutMs: number;
  readonly keepaliveIntervalMs: number;
  readonly keepaliveCountMax: number;
  readonly log: Log;
}

/** Host key algorithms ssh2 can verify, in its default order of preference. */
const HOST_KEY_ALGORITHMS = [
  'ssh-ed25519',
  'ecdsa-sha2-nistp256',
  'ecdsa-sha2-nistp384',
  'ecdsa-sha2-nistp521',
  'rsa-sha2-512',
  'rsa-sha2-256',
  'ssh-rsa',
] as const;

/**
 * Asks first for the key types already on record for the host (as OpenSSH does), so a host known by its RSA
 * key is not met with an unknown-key prompt just because it also has an ed25519 key.
 */
function hostKeyAlgorithms(knownTypes: readonly string[]): (typeof HOST_KEY_ALGORITHMS)[number][] {
  const preferred = HOST_KEY_ALGORITHMS.filter((algorithm) =>
    knownTypes.some((type) => type === algorithm || (type === 'ssh-rsa' && algorithm.startsWith('rsa-sha2-'))),
  );
  return [...preferred, ...HOST_KEY_ALGORITHMS.filter((algorithm) => !preferred.includes(algorithm))];
}

/**
 * Opens one logged-in ssh2 Client: checks the host key (asking about an unknown one), authenticates, and
 * rejects with SshError, HostKeyError or CancelledError. On failure the client is destroyed.
 */
export async function connectSsh(options: ConnectSshOptions): Promise<Client> {
  const { target, log } = options;
  const knownTypes = await options.trustStore.knownKeyTypes(target.host, target.port);

  return new Promise<Client>((resolve, reject) => {
    const client = new Client();
    let settled = false;
    // The real reason, set before ssh2 reports its generic one ("Host denied", "All ... methods failed").
    let failure: Error | undefined;

    const fail = (error: Error): void => {
      if (settled) {
        return;
      }
      settled = true;
      timeout.clear();
      client.removeListener('ready', onReady);
      client.destroy();
      reject(error);
    };
    const timeout = new PausableTimeout(options.connectTimeoutMs, () =>
      fail(new SshError('timeout', `No SSH login to ${describeTarget(target)} within ${Math.round(options.connectTimeoutMs / 1000)} s.`)),
    );
    const whileAsking = <T>(work: () => Promise<T>): Promise<T> => timeout.paused(work);
    const authenticator = new SshAuthenticator({
      target,
      secrets: options.secrets,
      prompts: options.prompts,
      agentSocket: options.agentSocket,
      whileAsking,
      log,
    });

    const onReady = (): void => {
      if (settled) {
        return;
      }
      timeout.clear();
      authenticator.loginSucceeded().then(
        () => {
          settled = true;
          resolve(client);
        },
        (error: unknown) => fail(toSshError(error, target)),
      );
    };
    client.on('ready', onReady);
    client.on('error', (error: Error & { level?: string }) => {
      // A broken agent is not fatal: ssh2 reports it and goes on with the next method.
      if (error.level === 'agent') {
        log.warn(`ssh-agent could not be used for ${describeTarget(target)}: ${error.message}`);
        return;
      }
      if (failure ?? authenticator.failure) {
        fail(failure ?? authenticator.failure ?? error);
      } else if (error.level === 'client-authentication' && /All configured authentication methods failed/.test(error.message)) {
        fail(permissionDenied(target, authenticator));
      } else {
        fail(toSshError(error, target));
      }
    });
    client.on('close', () => {
      fail(failure ?? authenticator.failure ?? new SshError('closed', `${describeTarget(target)} closed the connection during login.`));
    });

    const config: ConnectConfig = {
      host: target.host,
      port: target.port,
      username: target.user,
      // Our own timeout replaces ssh2's: it can pause while the user answers a prompt.
      readyTimeout: 0,
      keepaliveInterval: options.keepaliveIntervalMs,
      keepaliveCountMax: options.keepaliveCountMax,
      algorithms: { serverHostKey: hostKeyAlgorithms(knownTypes) },
      hostVerifier: (key: Buffer, verify: (valid: boolean) => void) => {
        checkHostKey(target.host, target.port, key, { trustStore: options.trustStore, prompts: options.prompts, whileAsking }).then(
          () => verify(true),
          (error: unknown) => {
            failure = error instanceof Error ? error : new Error(String(error));
            verify(false);
          },
        );
      },
      authHandler: authenticator.handler,
    };
    try {
      client.connect(config);
    } catch (error) {
      fail(toSshError(error, target));
    }
  });
}

function permissionDenied(target: SshTarget, authenticator: SshAuthenticator): SshError {
  const offered = authenticator.serverMethods?.join(',') ?? 'none';
  const tried = authenticator.tried.length > 0 ? authenticator.tried.join(', ') : 'nothing usable';
  return new SshError(
    'auth',
    `Permission denied for ${describeTarget(target)} (the server accepts: ${offered}; tried: ${tried}).`,
  );
}
