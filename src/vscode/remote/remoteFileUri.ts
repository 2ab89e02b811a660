import * as vscode from 'vscode';

/** The scheme of dom0 files opened over SFTP: `xcpng://<pool name>/<host uuid><absolute path>`. */
export const remoteFileScheme = 'xcpng';

export interface RemoteFileLocation {
  /** As written in the URI's authority. VS Code lower-cases it in `toString()`, so match pool names ignoring case. */
  readonly poolName: string;
  readonly hostUuid: string;
  /** Absolute path on the host, starting with `/`. */
  readonly path: string;
}

/** The URI of a file on a host's dom0. The pool name and path are URI-encoded by vscode.Uri as usual. */
export function remoteFileUri(poolName: string, hostUuid: string, absolutePath: string): vscode.Uri {
  if (!absolutePath.startsWith('/')) throw new Error(`Not an absolute path: ${absolutePath}`);
  if (hostUuid === '' || hostUuid.includes('/')) throw new Error(`Not a host UUID: ${hostUuid}`);
  return vscode.Uri.from({ scheme: remoteFileScheme, authority: poolName, path: `/${hostUuid}${absolutePath}` });
}

/** The parts of a {@link remoteFileUri}; undefined for another scheme or a URI without a host and an absolute path. */
export function parseRemoteFileUri(uri: vscode.Uri): RemoteFileLocation | undefined {
  if (uri.scheme !== remoteFileScheme || uri.authority === '') return undefined;
  const match = /^\/([^/]+)(\/.*)$/.exec(uri.path);
  if (!match) return undefined;
  return { poolName: uri.authority, hostUuid: match[1] as string, path: match[2] as string };
}
