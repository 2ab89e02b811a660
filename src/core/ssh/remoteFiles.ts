import { randomBytes } from 'node:crypto';
import type { SFTPWrapper } from 'ssh2';

/** The few file operations an upload needs on the host, over the pool connection's SFTP. */
export interface RemoteFiles {
  /** A new private directory under /tmp (mode 0700), named so that no one can have prepared it. */
  makeTempDir(prefix: string): Promise<string>;
  put(localPath: string, remotePath: string): Promise<void>;
  remove(remotePath: string): Promise<void>;
  removeDir(remotePath: string): Promise<void>;
  /** Ends the SFTP session. */
  close(): void;
}

function done(resolve: () => void, reject: (error: Error) => void): (error?: Error | null) => void {
  return (error) => (error ? reject(error) : resolve());
}

export function sftpRemoteFiles(sftp: SFTPWrapper): RemoteFiles {
  return {
    async makeTempDir(prefix) {
      if (!/^[a-z0-9-]+$/.test(prefix)) throw new RangeError(`not a temp dir prefix: ${JSON.stringify(prefix)}`);
      const dir = `/tmp/${prefix}-${randomBytes(8).toString('hex')}`;
      // mkdir fails if the name exists, so a directory someone else made is never used.
      await new Promise<void>((resolve, reject) => sftp.mkdir(dir, { mode: 0o700 }, done(resolve, reject)));
      return dir;
    },
    put: (localPath, remotePath) => new Promise<void>((resolve, reject) => sftp.fastPut(localPath, remotePath, done(resolve, reject))),
    remove: (remotePath) => new Promise<void>((resolve, reject) => sftp.unlink(remotePath, done(resolve, reject))),
    removeDir: (remotePath) => new Promise<void>((resolve, reject) => sftp.rmdir(remotePath, done(resolve, reject))),
    close: () => sftp.end(),
  };
}
