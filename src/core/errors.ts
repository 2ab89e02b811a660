/**
 * Typed errors thrown by core. The vscode layer turns them into one message each; cancellation stays silent.
 */

/** The user (or a dispose) cancelled an operation; never shown as an error. */
export class CancelledError extends Error {
  constructor(message = 'Cancelled') {
    super(message);
    this.name = 'CancelledError';
  }
}

export function isCancelled(error: unknown): boolean {
  return error instanceof CancelledError || (error instanceof Error && error.name === 'AbortError');
}

/** What went wrong with an SSH connection, coarse enough for the UI to pick words and a retry policy. */
export type SshErrorKind = 'unreachable' | 'timeout' | 'auth' | 'protocol' | 'closed';

/** A connection or exec failure below the command level (xe's own failures are XeError). */
export class SshError extends Error {
  constructor(
    readonly kind: SshErrorKind,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'SshError';
  }
}

/**
 * The host's key is not one we may talk to: unknown and declined by the user, changed since it was trusted,
 * or listed as revoked. Nothing has been sent to the host when this is thrown.
 */
export class HostKeyError extends Error {
  constructor(
    readonly kind: 'unknown' | 'changed' | 'revoked',
    readonly host: string,
    readonly port: number,
    /** The key the host presented, `SHA256:...` as OpenSSH prints it. */
    readonly fingerprint: string,
    /** For 'changed': the fingerprints on record for this host. */
    readonly knownFingerprints: readonly string[],
    message: string,
  ) {
    super(message);
    this.name = 'HostKeyError';
  }
}

/** An argv element that cannot be carried to the remote command intact; thrown before anything is sent. */
export class UnsafeArgumentError extends Error {
  constructor(
    readonly index: number,
    message: string,
  ) {
    super(message);
    this.name = 'UnsafeArgumentError';
  }
}
