import * as vscode from 'vscode';
import { CancelledError } from '../../core/errors';
import { remoteFileUri } from '../remote/remoteFileUri';
import type { GeneratedDocuments } from './generatedDocuments';
import type { RaidServices } from './raidServices';
import type { RaidHost } from './resolveRaidHost';

export interface ProposedFile {
  readonly path: string;
  readonly text: string;
  /** False when the host already had exactly this text, or the user declined. */
  readonly written: boolean;
}

async function readCurrent(uri: vscode.Uri): Promise<string | undefined> {
  try {
    return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
  } catch (error) {
    if (error instanceof vscode.FileSystemError && error.code === 'FileNotFound') return undefined;
    throw error;
  }
}

/**
 * Shows a generated dom0 file as a diff against the host's current one (read over SFTP, so the save can
 * refuse a change made on the host meanwhile), and writes it through the remote file system only after the
 * modal: that write keeps a timestamped backup and replaces the file by rename.
 */
export async function proposeHostFile(services: RaidServices, documents: GeneratedDocuments, target: RaidHost, path: string, text: string): Promise<ProposedFile> {
  const uri = remoteFileUri(target.monitor.target.name, target.host.uuid, path);
  const current = await readCurrent(uri);
  const name = target.host.name;
  if (current === text) {
    void vscode.window.showInformationMessage(`${path} on ${name} already has exactly the generated content.`);
    return { path, text, written: false };
  }
  const right = documents.put(name, path, text);
  const left = current === undefined ? documents.put(name, `${path} (missing)`, '') : uri;
  await vscode.commands.executeCommand('vscode.diff', left, right, `${path} on ${name}: current ↔ generated`, { preview: true });
  const before = new Set((current ?? '').split('\n'));
  const changed = text.split('\n').filter((l) => l !== '' && !before.has(l)).length;
  const yes = await services.confirm.confirm({
    message: `Write the generated ${path} on ${name}?`,
    detail:
      (current === undefined ? 'The file does not exist yet.' : `${changed} line(s) are new or changed (see the diff). The current file is kept as a timestamped backup next to it.`) +
      '\n\nRebuild the initrd afterwards so the next boot uses it.',
    action: 'Write File',
  });
  if (!yes) throw new CancelledError();
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  services.log.info(`Wrote ${path} on ${name} (${text.length} bytes)`);
  return { path, text, written: true };
}
