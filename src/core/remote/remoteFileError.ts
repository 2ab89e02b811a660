/**
 * Why a dom0 file operation failed, coarse enough for the vscode layer to pick the matching FileSystemError.
 * The message is a plain sentence for the user: it names the file and the host, never an SFTP status code.
 */
export type RemoteFileErrorKind = 'notFound' | 'noPermission' | 'exists' | 'isDirectory' | 'notDirectory' | 'changed' | 'unavailable' | 'failed';

export class RemoteFileError extends Error {
  constructor(
    readonly kind: RemoteFileErrorKind,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'RemoteFileError';
  }
}
