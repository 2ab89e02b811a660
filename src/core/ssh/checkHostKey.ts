import { HostKeyError } from '../errors';
import { knownHostsName } from './knownHosts';
import type { SshPrompts } from './sshPrompts';
import type { KnownKeyLocation, TrustStore } from './trustStore';

export interface HostKeyCheck {
  readonly trustStore: TrustStore;
  readonly prompts: Pick<SshPrompts, 'confirmUnknownHostKey'>;
  /** Wraps the time the user spends on the question (the connect timeout pauses meanwhile). */
  readonly whileAsking?: <T>(work: () => Promise<T>) => Promise<T>;
}

/**
 * Decides whether the key a host presented may be used, asking the user about an unknown key and recording
 * an accepted one in the trust file. Resolves when the key is trusted; throws {@link HostKeyError} otherwise.
 * It runs inside the key exchange, before authentication, so nothing has been sent when it refuses.
 */
export async function checkHostKey(host: string, port: number, keyBlob: Buffer, check: HostKeyCheck): Promise<void> {
  const verdict = await check.trustStore.verifyHostKey(host, port, keyBlob);
  switch (verdict.kind) {
    case 'trusted':
      return;
    case 'revoked':
      throw new HostKeyError(
        'revoked',
        host,
        port,
        verdict.fingerprint,
        [verdict.fingerprint],
        `The host key of ${host} port ${port} (${verdict.keyType} ${verdict.fingerprint}) is marked @revoked in ` +
          `${verdict.where.source} line ${verdict.where.line}. Nothing was sent to the host.`,
      );
    case 'changed':
      throw new HostKeyError(
        'changed',
        host,
        port,
        verdict.fingerprint,
        verdict.known.map((known) => known.fingerprint),
        changedKeyMessage(host, port, verdict.keyType, verdict.fingerprint, verdict.known, check.trustStore.trustFile),
      );
    case 'unknown': {
      const question = {
        host,
        port,
        keyType: verdict.keyType,
        fingerprint: verdict.fingerprint,
        otherKnownFingerprints: verdict.otherKnown.map((known) => known.fingerprint),
      };
      const ask = (): Promise<boolean> => check.prompts.confirmUnknownHostKey(question);
      const accepted = await (check.whileAsking ? check.whileAsking(ask) : ask());
      if (!accepted) {
        throw new HostKeyError(
          'unknown',
          host,
          port,
          verdict.fingerprint,
          [],
          `The host key of ${host} port ${port} (${verdict.keyType} ${verdict.fingerprint}) was not accepted. Nothing was sent to the host.`,
        );
      }
      await check.trustStore.trustHostKey(host, port, keyBlob);
      return;
    }
  }
}

function changedKeyMessage(
  host: string,
  port: number,
  keyType: string,
  fingerprint: string,
  known: readonly KnownKeyLocation[],
  trustFile: string,
): string {
  const name = knownHostsName(host, port);
  const fixes = known.map((location) =>
    location.source === trustFile
      ? `remove line ${location.line} of ${location.source} (or run "Forget Host Key")`
      : `run: ssh-keygen -R '${name}' -f '${location.source}'`,
  );
  const old = known.map((location) => `${location.fingerprint} (${location.source} line ${location.line})`).join(', ');
  return (
    `The host key of ${host} port ${port} has CHANGED. It was ${old}; it is now ${keyType} ${fingerprint}. ` +
    `Someone could be intercepting the connection, or the host was reinstalled. Nothing was sent to the host. ` +
    `If you know the new key is right (compare with "ssh-keygen -lf" on the host), ${[...new Set(fixes)].join(' and ')}, ` +
    `then connect again.`
  );
}
