import * as vscode from 'vscode';
import type { Confirm } from '../../core/ops/confirm';
import { generateDracutMdraid as generateText } from '../../core/lint/dracut/generateDracutMdraid';
import { dracutMdraidPath, dracutSiblingPaths } from '../../core/lint/raid/raidSiblingPaths';
import { documentPath, readSiblings, siblingUri } from '../lint/readSiblings';

/** The file to write and the mdadm.conf text to write it from, for a command run on either kind of file. */
async function resolveTarget(document: vscode.TextDocument): Promise<{ target: vscode.Uri; mdadmConf: string }> {
  if (document.languageId === 'mdadm-conf') {
    return { target: siblingUri(document.uri, dracutMdraidPath(documentPath(document.uri))), mdadmConf: document.getText() };
  }
  const candidates = dracutSiblingPaths(documentPath(document.uri));
  const siblings = await readSiblings(document.uri, candidates);
  const found = candidates.find((path) => siblings.has(path));
  if (found === undefined) {
    throw new Error(`No mdadm.conf for this file: looked for ${candidates.join(' and ') || 'an etc/mdadm.conf next to its dracut.conf.d folder'}.`);
  }
  return { target: document.uri, mdadmConf: siblings.get(found) as string };
}

async function readIfExists(uri: vscode.Uri): Promise<string | undefined> {
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  if (open) return open.getText();
  try {
    return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
  } catch {
    return undefined;
  }
}

/**
 * Writes the RAID guide's dracut_mdraid.conf from the mdadm.conf of the same root, run from either file, and
 * opens it. Replacing different content asks first. Returns the written file, for the extension-host tests.
 */
export async function generateDracutMdraid(confirm: Confirm, uri?: vscode.Uri): Promise<vscode.Uri | undefined> {
  const document = uri ? await vscode.workspace.openTextDocument(uri) : vscode.window.activeTextEditor?.document;
  if (!document || (document.languageId !== 'mdadm-conf' && document.languageId !== 'dracut-conf')) {
    throw new Error('Open an mdadm.conf or a dracut.conf.d file first.');
  }
  const { target, mdadmConf } = await resolveTarget(document);
  const text = generateText(mdadmConf);
  const current = await readIfExists(target);
  if (current !== undefined && current.trim() !== '' && current !== text) {
    const replace = await confirm({
      message: `Replace ${vscode.workspace.asRelativePath(target)} with the file generated from mdadm.conf?`,
      detail: 'Its current content is lost unless you undo in the editor.',
      action: 'Replace',
    });
    if (!replace) return undefined;
  }
  const edit = new vscode.WorkspaceEdit();
  if (current === undefined) edit.createFile(target, { contents: new TextEncoder().encode(text) });
  else {
    const targetDocument = await vscode.workspace.openTextDocument(target);
    edit.replace(target, new vscode.Range(0, 0, targetDocument.lineCount, 0), text);
  }
  if (!(await vscode.workspace.applyEdit(edit))) throw new Error(`Could not write ${target.fsPath}.`);
  const written = await vscode.workspace.openTextDocument(target);
  await written.save();
  await vscode.window.showTextDocument(written);
  return target;
}
