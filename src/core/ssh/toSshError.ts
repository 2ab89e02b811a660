import { CancelledError, HostKeyError, SshError } from '../errors';
import { describeTarget, type SshTarget } from './sshTarget';

/** Errors thrown by ssh2 and node:net carry these extra fields. */
interface Ssh2Error extends Error {
  readonly code?: string | number;
  readonly level?: string;
}

/**
 * Turns whatever ssh2 or the socket threw into an SshError with a plain message naming the target. Typed
 * errors of our own (host key, cancellation, SshError) pass through unchanged.
 */
export function toSshError(error: unknown, target: SshTarget): Error {
  if (error instanceof SshError || error instanceof HostKeyError || error instanceof CancelledError) {
    return error;
  }
  const where = describeTarget(target);
  if (!(error instanceof Error)) {
    return new SshError('protocol', `SSH to ${where} failed: ${String(error)}`, { cause: error });
  }
  const { code, level } = error as Ssh2Error;
  const wrap = (kind: SshError['kind'], message: string): SshError => new SshError(kind, message, { cause: error });
  switch (code) {
    case 'ECONNREFUSED':
      return wrap('unreachable', `Connection refused by ${target.host} port ${target.port}: no SSH server listens there.`);
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return wrap('unreachable', `Cannot resolve host name "${target.host}".`);
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
    case 'EHOSTDOWN':
      return wrap('unreachable', `No route to ${target.host} (${code}).`);
    case 'ETIMEDOUT':
      return wrap('timeout', `Connecting to ${target.host} port ${target.port} timed out.`);
    case 'ECONNRESET':
    case 'EPIPE':
      return wrap('closed', `The connection to ${where} was reset by the host.`);
  }
  if (level === 'client-timeout') {
    return wrap('timeout', `${where} stopped answering (${error.message}).`);
  }
  if (level === 'client-authentication') {
    return wrap('auth', `Login to ${where} failed: ${error.message}.`);
  }
  if (error.message === 'No response from server' || error.message === 'Not connected') {
    return wrap('closed', `The connection to ${where} was lost.`);
  }
  return wrap('protocol', `SSH to ${where} failed: ${error.message}`);
}
