import { randomBytes } from 'node:crypto';
import type { SFTPWrapper } from 'ssh2';

/** A file to place on the host: its name inside the private folder and its bytes. */
export interface UploadFile {
  readonly name: string;
  readonly data: Buffer | string;
}

function call(run: (done: (error?: Error | null) => void) => void): Promise<void> {
  return new Promise((resolve, reject) => run((error) => (error ? reject(error) : resolve())));
}

/**
 * Places files in a fresh private folder on the host for one command that reads them (a TLS key, Secure Boot
 * .auth files), then removes them whatever happened. The folder is `/tmp/<prefix>-<16 random hex>`, made
 * with mode 0700 by an SFTP mkdir that fails on an existing name, so nobody can have prepared it; files are
 * 0600. `use` gets the files' remote paths in the order given.
 */
export async function withPrivateUpload<T>(
  sftp: SFTPWrapper,
  prefix: string,
  files: readonly UploadFile[],
  use: (paths: readonly string[], dir: string) => Promise<T>,
): Promise<T> {
  if (!/^[a-z0-9-]+$/.test(prefix)) throw new RangeError(`not a folder prefix: ${JSON.stringify(prefix)}`);
  for (const file of files) {
    if (!/^[A-Za-z0-9._-]+$/.test(file.name) || file.name.startsWith('.')) throw new RangeError(`not a plain file name: ${JSON.stringify(file.name)}`);
  }
  const dir = `/tmp/${prefix}-${randomBytes(8).toString('hex')}`;
  await call((done) => sftp.mkdir(dir, { mode: 0o700 }, done));
  const written: string[] = [];
  try {
    // mkdir's mode is subject to the server's umask; 0700 is what the key's safety rests on.
    await call((done) => sftp.chmod(dir, 0o700, done));
    for (const file of files) {
      const remote = `${dir}/${file.name}`;
      written.push(remote);
      await call((done) => sftp.writeFile(remote, file.data, { mode: 0o600, flag: 'wx' }, done));
    }
    return await use(written, dir);
  } finally {
    for (const remote of written) await call((done) => sftp.unlink(remote, done)).catch(() => undefined);
    await call((done) => sftp.rmdir(dir, done)).catch(() => undefined);
  }
}
