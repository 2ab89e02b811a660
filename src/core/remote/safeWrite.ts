import type { Stats } from 'ssh2';
import { backupName, temporaryName } from './backupName';
import { describeBaselineChange, fileBaseline, type FileBaseline } from './fileBaseline';
import { RemoteFileError } from './remoteFileError';
import type { SftpFiles } from './sftpFiles';

export interface SafeWriteOptions {
  /** May the file be created when it does not exist. */
  readonly create: boolean;
  /** May an existing file be replaced. */
  readonly overwrite: boolean;
  /** What the file looked like when it was opened; the write is refused if the host's file differs now. */
  readonly baseline?: FileBaseline;
  /** The host's name, for messages. */
  readonly where: string;
  readonly now: Date;
  /** A fresh hex string for the temporary file's name. */
  readonly random: string;
}

export interface SafeWriteResult {
  /** The copy of the previous version, when there was one. */
  readonly backupPath?: string;
  /** The file as written: the baseline for the next save. */
  readonly baseline: FileBaseline;
}

const S_IFMT = 0o170000;
const S_IFDIR = 0o040000;
const defaultMode = 0o644;

/**
 * Saves `content` to `path` so that the host never sees a half-written file and the old version is kept:
 * the content goes to a temporary file next to the target (same mode and owner), the old file gets a
 * timestamped second name (a hard link, or a copy where the server cannot link), then the temporary file is
 * renamed over the target. A symlinked target is written through its link. Refused, before anything is
 * written, when the host's file no longer matches `baseline` (size, content or mtime).
 *
 * The check and the rename are separate requests: a change landing between them is not detected (SFTP has no
 * compare-and-swap); the backup still holds what was there at the check.
 */
export async function safeWrite(files: SftpFiles, path: string, content: Uint8Array, options: SafeWriteOptions): Promise<SafeWriteResult> {
  const current = await statOrUndefined(files, path);
  if (!current) {
    if (options.baseline) {
      throw new RemoteFileError('changed', `${path} was deleted on the host since you opened it. Nothing was written to ${options.where}.`);
    }
    if (!options.create) throw new RemoteFileError('notFound', `${path} does not exist on ${options.where}.`);
    return writeNew(files, path, content, options);
  }
  if ((current.mode & S_IFMT) === S_IFDIR) throw new RemoteFileError('isDirectory', `${path} is a folder on ${options.where}, not a file.`);
  if (!options.overwrite) throw new RemoteFileError('exists', `${path} already exists on ${options.where}.`);

  const target = await files.realpath(path);
  const old = await files.readFile(target);
  if (options.baseline) {
    const change = describeBaselineChange(options.baseline, fileBaseline(old.content, old.attrs));
    if (change) {
      throw new RemoteFileError(
        'changed',
        `${path} changed on the host since you opened it (${change}). Nothing was written to ${options.where}: ` +
          'reopen the file (File: Revert File) to see the host’s version, then apply your edits again.',
      );
    }
  }
  const mode = old.attrs.mode & 0o7777;
  const owner = { uid: old.attrs.uid, gid: old.attrs.gid };
  const temporary = temporaryName(target, options.random);
  await files.createFile(temporary, content, mode, owner);
  try {
    const backupPath = await keepBackup(files, target, old.content, mode, owner, options.now);
    await files.rename(temporary, target, true);
    return { backupPath, baseline: fileBaseline(content, await files.stat(target)) };
  } catch (error) {
    await files.unlink(temporary).catch(() => undefined);
    throw error;
  }
}

async function writeNew(files: SftpFiles, path: string, content: Uint8Array, options: SafeWriteOptions): Promise<SafeWriteResult> {
  const temporary = temporaryName(path, options.random);
  await files.createFile(temporary, content, defaultMode);
  try {
    // Plain rename: it refuses a file that appeared meanwhile instead of replacing it unseen.
    await files.rename(temporary, path, false);
  } catch (error) {
    await files.unlink(temporary).catch(() => undefined);
    throw error;
  }
  return { baseline: fileBaseline(content, await files.stat(path)) };
}

async function keepBackup(
  files: SftpFiles,
  target: string,
  oldContent: Uint8Array,
  mode: number,
  owner: { uid: number; gid: number },
  now: Date,
): Promise<string> {
  for (let attempt = 0; ; attempt++) {
    const name = backupName(target, now, attempt);
    if (await statOrUndefined(files, name, true)) continue;
    // A hard link keeps the old inode as it was (content, mode, owner, times) at no cost.
    if (!(await files.hardlink(target, name))) await files.createFile(name, oldContent, mode, owner);
    return name;
  }
}

async function statOrUndefined(files: SftpFiles, path: string, noFollow = false): Promise<Stats | undefined> {
  try {
    return await (noFollow ? files.lstat(path) : files.stat(path));
  } catch (error) {
    if ((error as { code?: unknown }).code === 2) return undefined;
    throw error;
  }
}
