import { CancelledError, SshError } from '../errors';
import { RemoteFileError } from './remoteFileError';

// SFTP v3 status codes (draft-ietf-secsh-filexfer-02 §7) that ssh2 puts on `error.code`.
const NO_SUCH_FILE = 2;
const PERMISSION_DENIED = 3;

/**
 * One plain sentence for an SFTP failure on `path` of `where` (the host's name). Errors that are already ours,
 * connection errors and cancellation pass through unchanged: they have their own words.
 */
export function toRemoteFileError(error: unknown, verb: string, path: string, where: string): Error {
  if (error instanceof RemoteFileError || error instanceof SshError || error instanceof CancelledError) return error;
  const code = (error as { code?: unknown } | undefined)?.code;
  if (code === NO_SUCH_FILE) {
    return new RemoteFileError('notFound', `${path} does not exist on ${where}.`, { cause: error });
  }
  if (code === PERMISSION_DENIED) {
    return new RemoteFileError('noPermission', `Permission denied: cannot ${verb} ${path} on ${where}.`, { cause: error });
  }
  const detail = error instanceof Error ? error.message : String(error);
  return new RemoteFileError('failed', `Could not ${verb} ${path} on ${where}: ${detail}.`, { cause: error });
}
