import { randomBytes } from 'node:crypto';
import type { SFTPWrapper, Stats } from 'ssh2';
import { fileBaseline, type FileBaseline } from './fileBaseline';
import { RemoteFileError } from './remoteFileError';
import { safeWrite } from './safeWrite';
import { SftpFiles } from './sftpFiles';
import { toRemoteFileError } from './toRemoteFileError';

export type RemoteFileType = 'file' | 'directory' | 'other';

export interface RemoteFileStat {
  readonly type: RemoteFileType;
  /** The path itself is a symlink; `type` is what it points to. */
  readonly symlink: boolean;
  readonly size: number;
  readonly mtimeMs: number;
}

export interface RemoteDirEntry {
  readonly name: string;
  readonly type: RemoteFileType;
  readonly symlink: boolean;
}

export interface RemoteFilesOptions {
  /** The host's name, for messages. */
  readonly where: string;
  /** A new SFTP session on the host's connection. */
  readonly openSftp: () => Promise<SFTPWrapper>;
  /** Close the SFTP session after this long unused, so the SSH connection can go idle. Default 10 s. */
  readonly idleMs?: number;
  readonly now?: () => Date;
}

export interface WriteOptions {
  readonly create: boolean;
  readonly overwrite: boolean;
}

const S_IFMT = 0o170000;
const S_IFDIR = 0o040000;
const S_IFREG = 0o100000;
const S_IFLNK = 0o120000;

/**
 * The files of one dom0 over SFTP: stat, list, read, safe write (see safeWrite), delete, rename, mkdir. It
 * remembers what each file looked like when it was last read or written here, so a save refuses to overwrite
 * a change made on the host meanwhile. One SFTP session is shared by the calls and closed when unused.
 */
export class RemoteFiles {
  private readonly baselines = new Map<string, FileBaseline>();
  private session: Promise<{ sftp: SFTPWrapper; files: SftpFiles }> | undefined;
  private active = 0;
  private idleTimer: NodeJS.Timeout | undefined;
  private disposed = false;

  constructor(private readonly options: RemoteFilesOptions) {}

  stat(path: string): Promise<RemoteFileStat> {
    return this.use('read', path, async (files) => {
      const own = await files.lstat(path);
      const symlink = (own.mode & S_IFMT) === S_IFLNK;
      const attrs = symlink ? await files.stat(path) : own;
      return { type: typeOf(attrs), symlink, size: attrs.size, mtimeMs: attrs.mtime * 1000 };
    });
  }

  readDirectory(path: string): Promise<RemoteDirEntry[]> {
    return this.use('list', path, async (files) => {
      const entries = await files.readdir(path);
      return Promise.all(
        entries.map(async (entry) => {
          const symlink = (entry.attrs.mode & S_IFMT) === S_IFLNK;
          // A dangling link lists as 'other' rather than failing the whole folder.
          const attrs = symlink ? await files.stat(joinPath(path, entry.filename)).catch(() => undefined) : entry.attrs;
          return { name: entry.filename, type: attrs ? typeOf(attrs) : 'other', symlink } satisfies RemoteDirEntry;
        }),
      );
    });
  }

  readFile(path: string): Promise<Uint8Array> {
    return this.use('read', path, async (files) => {
      const own = await files.stat(path);
      if ((own.mode & S_IFMT) === S_IFDIR) throw new RemoteFileError('isDirectory', `${path} is a folder on ${this.options.where}, not a file.`);
      const { content, attrs } = await files.readFile(path);
      this.baselines.set(path, fileBaseline(content, attrs));
      return content;
    });
  }

  /** Writes through {@link safeWrite}; returns the backup's path when an old version was kept. */
  writeFile(path: string, content: Uint8Array, options: WriteOptions): Promise<string | undefined> {
    return this.use('write', path, async (files) => {
      const result = await safeWrite(files, path, content, {
        ...options,
        baseline: this.baselines.get(path),
        where: this.options.where,
        now: this.options.now?.() ?? new Date(),
        random: randomBytes(6).toString('hex'),
      });
      this.baselines.set(path, result.baseline);
      return result.backupPath;
    });
  }

  delete(path: string, recursive: boolean): Promise<void> {
    return this.use('delete', path, async (files) => {
      await removeTree(files, path, recursive, this.options.where);
      this.baselines.delete(path);
    });
  }

  rename(from: string, to: string, overwrite: boolean): Promise<void> {
    return this.use('rename', from, async (files) => {
      if (!overwrite && (await files.lstat(to).then(() => true, () => false))) {
        throw new RemoteFileError('exists', `${to} already exists on ${this.options.where}.`);
      }
      await files.rename(from, to, overwrite);
      this.baselines.delete(from);
      this.baselines.delete(to);
    });
  }

  createDirectory(path: string): Promise<void> {
    return this.use('create', path, (files) => files.mkdir(path));
  }

  dispose(): void {
    this.disposed = true;
    this.clearIdle();
    void this.session?.then((s) => s.sftp.end(), () => undefined);
    this.session = undefined;
  }

  private async use<T>(verb: string, path: string, run: (files: SftpFiles) => Promise<T>): Promise<T> {
    if (!path.startsWith('/')) throw new RemoteFileError('notFound', `${path} is not an absolute path.`);
    if (this.disposed) throw new RemoteFileError('unavailable', `The files of ${this.options.where} are no longer available.`);
    this.active++;
    this.clearIdle();
    try {
      const { files } = await this.open();
      return await run(files);
    } catch (error) {
      throw toRemoteFileError(error, verb, path, this.options.where);
    } finally {
      if (--this.active === 0) this.armIdle();
    }
  }

  private open(): Promise<{ sftp: SFTPWrapper; files: SftpFiles }> {
    if (!this.session) {
      const session = this.options.openSftp().then((sftp) => {
        // A session that ends (connection lost, idle close) is replaced on the next call.
        sftp.once('close', () => {
          if (this.session === session) this.session = undefined;
        });
        return { sftp, files: new SftpFiles(sftp) };
      });
      session.catch(() => {
        if (this.session === session) this.session = undefined;
      });
      this.session = session;
    }
    return this.session;
  }

  private armIdle(): void {
    this.clearIdle();
    this.idleTimer = setTimeout(() => {
      this.idleTimer = undefined;
      if (this.active > 0 || !this.session) return;
      const session = this.session;
      this.session = undefined;
      void session.then((s) => s.sftp.end(), () => undefined);
    }, this.options.idleMs ?? 10_000);
  }

  private clearIdle(): void {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = undefined;
  }
}

function typeOf(attrs: Stats | { mode: number }): RemoteFileType {
  const format = attrs.mode & S_IFMT;
  return format === S_IFDIR ? 'directory' : format === S_IFREG ? 'file' : 'other';
}

function joinPath(folder: string, name: string): string {
  return folder.endsWith('/') ? `${folder}${name}` : `${folder}/${name}`;
}

async function removeTree(files: SftpFiles, path: string, recursive: boolean, where: string): Promise<void> {
  const attrs = await files.lstat(path);
  if ((attrs.mode & S_IFMT) !== S_IFDIR) {
    await files.unlink(path);
    return;
  }
  const entries = await files.readdir(path);
  if (entries.length > 0 && !recursive) throw new RemoteFileError('failed', `${path} on ${where} is a folder that is not empty.`);
  for (const entry of entries) await removeTree(files, joinPath(path, entry.filename), true, where);
  await files.rmdir(path);
}
