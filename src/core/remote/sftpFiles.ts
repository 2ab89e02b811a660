import type { Attributes, FileEntryWithStats, SFTPWrapper, Stats } from 'ssh2';
import { RemoteFileError } from './remoteFileError';

/** Config files are small; a bigger file is refused rather than pulled into an editor. */
export const maxRemoteFileBytes = 16 * 1024 * 1024;
const chunkBytes = 32 * 1024;

/**
 * Promise forms of the SFTP requests the remote file system uses, on one session. Errors are ssh2's (with the
 * SFTP status on `code`); callers word them with toRemoteFileError.
 */
export class SftpFiles {
  constructor(private readonly sftp: SFTPWrapper) {}

  stat(path: string): Promise<Stats> {
    return call<Stats>((cb) => this.sftp.stat(path, cb));
  }

  lstat(path: string): Promise<Stats> {
    return call<Stats>((cb) => this.sftp.lstat(path, cb));
  }

  /** The path with symlinks resolved by the server (OpenSSH's sftp-server calls realpath(3)). */
  realpath(path: string): Promise<string> {
    return call<string>((cb) => this.sftp.realpath(path, cb));
  }

  readdir(path: string): Promise<FileEntryWithStats[]> {
    return call<FileEntryWithStats[]>((cb) => this.sftp.readdir(path, cb));
  }

  /**
   * The whole file, read until end of file rather than up to the size in its attributes: /proc files report 0.
   * Returns the attributes of the open handle too, so content and size/mtime describe the same file.
   */
  async readFile(path: string): Promise<{ content: Buffer; attrs: Stats }> {
    const handle = await call<Buffer>((cb) => this.sftp.open(path, 'r', cb));
    try {
      const attrs = await call<Stats>((cb) => this.sftp.fstat(handle, cb));
      const chunks: Buffer[] = [];
      let total = 0;
      for (;;) {
        const buffer = Buffer.alloc(chunkBytes);
        const read = await this.read(handle, buffer, total);
        if (read === 0) break;
        chunks.push(buffer.subarray(0, read));
        total += read;
        if (total > maxRemoteFileBytes) {
          throw new RemoteFileError('failed', `${path} is larger than ${maxRemoteFileBytes / 1024 / 1024} MiB; it is not opened.`);
        }
      }
      return { content: Buffer.concat(chunks), attrs };
    } finally {
      await this.close(handle);
    }
  }

  /**
   * Creates `path` (it must not exist) with exactly `mode` (not masked by the server's umask), writes `content`,
   * flushes it to disk where the server supports fsync@openssh.com, and gives it `owner` when set.
   */
  async createFile(path: string, content: Uint8Array, mode: number, owner?: { uid: number; gid: number }): Promise<void> {
    const handle = await call<Buffer>((cb) => this.sftp.open(path, 'wx', { mode }, cb));
    try {
      for (let offset = 0; offset < content.length; offset += chunkBytes) {
        const length = Math.min(chunkBytes, content.length - offset);
        await call<void>((cb) => this.sftp.write(handle, Buffer.from(content.buffer, content.byteOffset + offset, length), 0, length, offset, cb));
      }
      await call<void>((cb) => this.sftp.fchmod(handle, mode, cb));
      // Best effort: only root may give a file away; a non-root login's file keeps its own owner.
      if (owner) await call<void>((cb) => this.sftp.fchown(handle, owner.uid, owner.gid, cb)).catch(() => undefined);
      await this.fsync(handle);
    } finally {
      await this.close(handle);
    }
  }

  /** Replaces `to` atomically when the server has posix-rename@openssh.com; plain SFTP rename refuses an existing target. */
  rename(from: string, to: string, replace: boolean): Promise<void> {
    if (replace && this.supports('posix-rename@openssh.com')) {
      return call<void>((cb) => this.sftp.ext_openssh_rename(from, to, cb));
    }
    return call<void>((cb) => this.sftp.rename(from, to, cb));
  }

  /** A second name for the file (hardlink@openssh.com); false when the server does not offer it. */
  async hardlink(target: string, link: string): Promise<boolean> {
    if (!this.supports('hardlink@openssh.com')) return false;
    await call<void>((cb) => this.sftp.ext_openssh_hardlink(target, link, cb));
    return true;
  }

  unlink(path: string): Promise<void> {
    return call<void>((cb) => this.sftp.unlink(path, cb));
  }

  rmdir(path: string): Promise<void> {
    return call<void>((cb) => this.sftp.rmdir(path, cb));
  }

  mkdir(path: string): Promise<void> {
    return call<void>((cb) => this.sftp.mkdir(path, cb));
  }

  private supports(extension: string): boolean {
    // ssh2 records the extensions of the server's version packet; its ext_* methods throw without them.
    const extensions = (this.sftp as unknown as { _extensions?: Record<string, string> })._extensions;
    return extensions?.[extension] !== undefined;
  }

  private async fsync(handle: Buffer): Promise<void> {
    if (!this.supports('fsync@openssh.com')) return;
    await call<unknown>((cb) => this.sftp.ext_openssh_fsync(handle, cb));
  }

  private read(handle: Buffer, buffer: Buffer, position: number): Promise<number> {
    return new Promise((resolve, reject) => {
      this.sftp.read(handle, buffer, 0, buffer.length, position, (error, bytesRead) => {
        // ssh2 reports end of file as a zero-length read.
        if (error) reject(error);
        else resolve(bytesRead);
      });
    });
  }

  private close(handle: Buffer): Promise<void> {
    return call<void>((cb) => this.sftp.close(handle, cb)).catch(() => undefined);
  }
}

function call<T>(start: (callback: (error: Error | null | undefined, value: T) => void) => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    try {
      start((error, value) => (error ? reject(error) : resolve(value)));
    } catch (error) {
      reject(error instanceof Error ? error : new Error(String(error)));
    }
  });
}

export type { Attributes };
