import * as vscode from 'vscode';
import { HostKeyError, SshError } from '../../core/errors';
import type { PoolMonitor } from '../../core/lab/poolMonitor';
import { masterOnlyMessage } from '../../core/remote/dom0Reach';
import { RemoteFileError } from '../../core/remote/remoteFileError';
import { RemoteFiles, type RemoteFileType } from '../../core/remote/remoteFiles';
import type { SshConnection } from '../../core/ssh/sshConnection';
import type { Lab } from '../lab/lab';
import { parseRemoteFileUri } from './remoteFileUri';

interface HostFiles {
  readonly connection: SshConnection;
  readonly files: RemoteFiles;
}

/**
 * The `xcpng:` file system: dom0 files of a pool master over SFTP on the pool's own SSH connection (see
 * remoteFileUri for the URI form and RemoteFiles for the safe save). Errors become FileSystemErrors whose
 * message is one plain sentence.
 */
export class RemoteFileSystemProvider implements vscode.FileSystemProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<vscode.FileChangeEvent[]>();
  private readonly hosts = new Map<string, HostFiles>();
  readonly onDidChangeFile = this.changed.event;

  constructor(
    private readonly lab: Lab,
    private readonly log: vscode.LogOutputChannel,
  ) {}

  /**
   * No-op: SFTP has no change notifications, and polling every open file would cost a request per file per
   * interval on the host. A change made on the host is caught at save time instead (the save is refused).
   */
  watch(): vscode.Disposable {
    return new vscode.Disposable(() => undefined);
  }

  async stat(uri: vscode.Uri): Promise<vscode.FileStat> {
    const { files, path } = await this.resolve(uri);
    const stat = await this.run(() => files.stat(path));
    return { type: fileType(stat.type, stat.symlink), size: stat.size, mtime: stat.mtimeMs, ctime: stat.mtimeMs };
  }

  async readDirectory(uri: vscode.Uri): Promise<[string, vscode.FileType][]> {
    const { files, path } = await this.resolve(uri);
    const entries = await this.run(() => files.readDirectory(path));
    return entries.map((entry) => [entry.name, fileType(entry.type, entry.symlink)]);
  }

  async readFile(uri: vscode.Uri): Promise<Uint8Array> {
    const { files, path } = await this.resolve(uri);
    return this.run(() => files.readFile(path));
  }

  async writeFile(uri: vscode.Uri, content: Uint8Array, options: { readonly create: boolean; readonly overwrite: boolean }): Promise<void> {
    const { files, path, where } = await this.resolve(uri);
    const backup = await this.run(() => files.writeFile(path, content, options));
    this.log.info(`Saved ${path} on ${where}${backup ? `; the previous version is kept as ${backup}` : ''}.`);
    if (backup) vscode.window.setStatusBarMessage(`$(check) Saved on ${where}; previous version kept as ${backup}`, 8000);
    this.changed.fire([{ type: backup ? vscode.FileChangeType.Changed : vscode.FileChangeType.Created, uri }]);
  }

  async delete(uri: vscode.Uri, options: { readonly recursive: boolean }): Promise<void> {
    const { files, path } = await this.resolve(uri);
    await this.run(() => files.delete(path, options.recursive));
    this.changed.fire([{ type: vscode.FileChangeType.Deleted, uri }]);
  }

  async rename(oldUri: vscode.Uri, newUri: vscode.Uri, options: { readonly overwrite: boolean }): Promise<void> {
    const from = await this.resolve(oldUri);
    const to = await this.resolve(newUri);
    if (from.files !== to.files) throw vscode.FileSystemError.Unavailable('Files can only be renamed within one host.');
    await this.run(() => from.files.rename(from.path, to.path, options.overwrite));
    this.changed.fire([
      { type: vscode.FileChangeType.Deleted, uri: oldUri },
      { type: vscode.FileChangeType.Created, uri: newUri },
    ]);
  }

  async createDirectory(uri: vscode.Uri): Promise<void> {
    const { files, path } = await this.resolve(uri);
    await this.run(() => files.createDirectory(path));
    this.changed.fire([{ type: vscode.FileChangeType.Created, uri }]);
  }

  dispose(): void {
    for (const host of this.hosts.values()) host.files.dispose();
    this.hosts.clear();
    this.changed.dispose();
  }

  /** The pool master's files behind a URI; refuses other hosts with the reason (see dom0Reach). */
  private async resolve(uri: vscode.Uri): Promise<{ files: RemoteFiles; path: string; where: string }> {
    const location = parseRemoteFileUri(uri);
    if (!location) {
      throw vscode.FileSystemError.FileNotFound(`${uri.toString(true)} is not a dom0 file address (xcpng://<pool>/<host uuid>/<path>).`);
    }
    const monitor = findPool(this.lab.monitors, location.poolName);
    if (!monitor) throw vscode.FileSystemError.Unavailable(`No pool named "${location.poolName}" is configured.`);
    if (!monitor.snapshot) await monitor.refresh();
    const snapshot = monitor.snapshot;
    if (!snapshot) {
      const reason = monitor.status.kind === 'failed' ? `: ${monitor.status.error.message}` : '.';
      throw vscode.FileSystemError.Unavailable(`The pool ${monitor.target.name} could not be read${reason}`);
    }
    const host = snapshot.hosts.find((h) => h.uuid === location.hostUuid);
    if (!host) throw vscode.FileSystemError.FileNotFound(`The pool ${monitor.target.name} has no host ${location.hostUuid}.`);
    if (!host.isMaster) throw vscode.FileSystemError.Unavailable(masterOnlyMessage(host.name, host.address, monitor.target.name));
    const where = host.name || host.uuid;
    const connection = this.lab.connection(monitor.target);
    const key = `${monitor.target.id}/${host.uuid}`;
    let entry = this.hosts.get(key);
    if (!entry || entry.connection !== connection) {
      entry?.files.dispose();
      entry = { connection, files: new RemoteFiles({ where, openSftp: () => connection.sftp() }) };
      this.hosts.set(key, entry);
    }
    return { files: entry.files, path: location.path, where };
  }

  private async run<T>(operation: () => Promise<T>): Promise<T> {
    try {
      return await operation();
    } catch (error) {
      throw toFileSystemError(error);
    }
  }
}

/** The configured pool a URI names. VS Code lower-cases authorities in URI strings, so case is a fallback. */
function findPool(monitors: readonly PoolMonitor[], name: string): PoolMonitor | undefined {
  const exact = monitors.find((m) => m.target.name === name);
  if (exact) return exact;
  const folded = monitors.filter((m) => m.target.name.toLowerCase() === name.toLowerCase());
  return folded.length === 1 ? folded[0] : undefined;
}

function fileType(type: RemoteFileType, symlink: boolean): vscode.FileType {
  const base = type === 'file' ? vscode.FileType.File : type === 'directory' ? vscode.FileType.Directory : vscode.FileType.Unknown;
  return symlink ? base | vscode.FileType.SymbolicLink : base;
}

function toFileSystemError(error: unknown): Error {
  if (error instanceof vscode.FileSystemError) return error;
  if (error instanceof RemoteFileError) {
    switch (error.kind) {
      case 'notFound':
        return vscode.FileSystemError.FileNotFound(error.message);
      case 'noPermission':
        return vscode.FileSystemError.NoPermissions(error.message);
      case 'exists':
        return vscode.FileSystemError.FileExists(error.message);
      case 'isDirectory':
        return vscode.FileSystemError.FileIsADirectory(error.message);
      case 'notDirectory':
        return vscode.FileSystemError.FileNotADirectory(error.message);
      case 'unavailable':
        return vscode.FileSystemError.Unavailable(error.message);
      case 'changed':
      case 'failed':
        return new vscode.FileSystemError(error.message);
    }
  }
  if (error instanceof SshError || error instanceof HostKeyError) return vscode.FileSystemError.Unavailable(error.message);
  return new vscode.FileSystemError(error instanceof Error ? error.message : String(error));
}
