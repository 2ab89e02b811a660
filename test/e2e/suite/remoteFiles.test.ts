import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { XcpngLabApi } from '../../../src/extension';
import { remoteFileUri } from '../../../src/vscode/remote/remoteFileUri';
import { configurePools, extensionApi, labFixture, replaceText, until, type LabFixture } from './labFixture';

const codeOf = (d: vscode.Diagnostic): string => String(typeof d.code === 'object' ? d.code.value : d.code);
const withCode = (uri: vscode.Uri, code: string): vscode.Diagnostic[] => vscode.languages.getDiagnostics(uri).filter((d) => codeOf(d) === code);

/** Replaces the first occurrence of `from` in the editor's document, as typing would. */
async function rejectsWithCode(promise: Thenable<unknown>, code: string, message: RegExp): Promise<void> {
  await assert.rejects(Promise.resolve(promise), (error: unknown) => {
    assert.ok(error instanceof vscode.FileSystemError, `expected a FileSystemError, got ${String(error)}`);
    assert.equal(error.code, code);
    assert.match(error.message, message);
    return true;
  });
}

describe('dom0 config files over SFTP (xcpng: file system)', () => {
  let api: XcpngLabApi;
  let fixture: LabFixture;
  let etc: string;
  let original: string;
  let masterUuid: string;
  let otherUuid: string;
  let mdadmUri: vscode.Uri;

  const monitor = () => {
    const m = api.lab.monitors.find((x) => x.target.name === 'Lab A');
    assert.ok(m);
    return m;
  };
  const hostFile = (name: string): string => fs.readFileSync(path.join(etc, name), 'utf8');
  const backups = (): string[] => fs.readdirSync(etc).filter((name) => name.startsWith('mdadm.conf.xcpng-backup-')).sort();
  /**
   * The master's mdadm.conf in an editor, showing the host's current file: the provider sends no change events,
   * so a document an earlier test left loaded keeps the old text (and VS Code's old stat) until reverted.
   */
  const showMdadm = async (): Promise<vscode.TextEditor> => {
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(mdadmUri), { preview: false });
    if (editor.document.getText() !== hostFile('mdadm.conf')) await vscode.commands.executeCommand('workbench.action.files.revert');
    await until('the editor to show the host’s mdadm.conf', () => editor.document.getText() === hostFile('mdadm.conf'));
    return editor;
  };

  before(async () => {
    fixture = labFixture();
    api = await extensionApi();
    api.prompts.override = { confirmUnknownHostKey: async () => true };
    await configurePools(api, fixture);
    await monitor().refreshAfterChange();
    const hosts = monitor().snapshot?.hosts ?? [];
    masterUuid = hosts.find((h) => h.isMaster)?.uuid ?? '';
    otherUuid = hosts.find((h) => !h.isMaster)?.uuid ?? '';
    assert.ok(masterUuid && otherUuid);
    etc = path.join(fixture.a.dir, 'root', 'etc');
    original = hostFile('mdadm.conf');
    mdadmUri = remoteFileUri('Lab A', masterUuid, '/etc/mdadm.conf');
    await vscode.workspace.getConfiguration('xcpng').update('lint.run', 'onType', vscode.ConfigurationTarget.Workspace);
  });

  after(async () => {
    // Leave the scenario's mdadm.conf for the other suites, and no backups: through SFTP, which the overlay sees.
    for (const editor of vscode.window.visibleTextEditors) {
      if (editor.document.uri.scheme === 'xcpng' && editor.document.isDirty) {
        await vscode.window.showTextDocument(editor.document);
        await vscode.commands.executeCommand('workbench.action.files.revert');
      }
    }
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    fs.writeFileSync(path.join(etc, 'mdadm.conf'), original);
    for (const name of fs.readdirSync(etc).filter((n) => n.includes('.xcpng-'))) {
      await vscode.workspace.fs.delete(remoteFileUri('Lab A', masterUuid, `/etc/${name}`));
    }
  });

  it('opens /etc/mdadm.conf of the pool master from its host node, and lints it against the host’s /proc/mdstat', async () => {
    const master = api.explorer.nodeFor(monitor().target.id, 'host', masterUuid);
    const opened = await vscode.commands.executeCommand<vscode.Uri>('xcpng.host.openConfigFile', master, '/etc/mdadm.conf');
    assert.equal(opened?.toString(), mdadmUri.toString());
    assert.equal(mdadmUri.toString(), `xcpng://lab%20a/${masterUuid}/etc/mdadm.conf`);
    const editor = vscode.window.activeTextEditor;
    assert.equal(editor?.document.uri.toString(), mdadmUri.toString());
    assert.equal(editor.document.languageId, 'mdadm-conf');
    assert.equal(editor.document.getText(), original);
    await until('the first lint of the remote mdadm.conf', () => vscode.languages.getDiagnostics(mdadmUri) !== undefined, 5000);
    assert.deepEqual(withCode(mdadmUri, 'mdadm/device-coverage'), []);

    // /proc/mdstat lists sde in md0: only the host's copy can tell (nothing like it exists on this machine).
    await replaceText(editor, '/dev/sdd /dev/sde', '/dev/sdd');
    const [coverage] = await until('mdadm/device-coverage from the host’s /proc/mdstat', () => {
      const found = withCode(mdadmUri, 'mdadm/device-coverage');
      return found.length > 0 && found;
    });
    assert.match(coverage?.message ?? '', /\/proc\/mdstat shows \/dev\/sde in \/dev\/md0/);
    await replaceText(editor, '/dev/sdd', '/dev/sdd /dev/sde');
    await until('the coverage error to clear', () => withCode(mdadmUri, 'mdadm/device-coverage').length === 0);
  });

  it('checks the host’s dracut drop-in against the host’s mdadm.conf', async () => {
    const dracutUri = remoteFileUri('Lab A', masterUuid, '/etc/dracut.conf.d/dracut_mdraid.conf');
    const listing = await vscode.workspace.fs.readDirectory(remoteFileUri('Lab A', masterUuid, '/etc/dracut.conf.d'));
    assert.ok(listing.some(([name, type]) => name === 'dracut_mdraid.conf' && type === vscode.FileType.File), JSON.stringify(listing));
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(dracutUri), { preview: false });
    assert.equal(editor.document.languageId, 'dracut-conf');
    await until('the first lint of the drop-in', () => vscode.languages.getDiagnostics(dracutUri) !== undefined, 5000);
    assert.deepEqual(withCode(dracutUri, 'dracut/md-uuid-missing'), []);
    await replaceText(editor, 'kernel_cmdline+=" rd.md.uuid=09871a29:26fa7ce1:0c9b040a:60f5cabf "\n', '');
    const [missing] = await until('dracut/md-uuid-missing against the host’s mdadm.conf', () => {
      const found = withCode(dracutUri, 'dracut/md-uuid-missing');
      return found.length > 0 && found;
    });
    assert.match(missing?.message ?? '', /09871a29:26fa7ce1:0c9b040a:60f5cabf/);
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  it('saves an edit on the host, keeping the previous version as a timestamped backup', async () => {
    const editor = await showMdadm();
    const before = backups();
    const previous = hostFile('mdadm.conf');
    await replaceText(editor, 'MAILADDR root', 'MAILADDR root\n# edited over SFTP');
    assert.equal(await editor.document.save(), true);
    assert.equal(hostFile('mdadm.conf'), editor.document.getText());
    assert.match(hostFile('mdadm.conf'), /# edited over SFTP/);
    const added = backups().filter((name) => !before.includes(name));
    assert.equal(added.length, 1, `one new backup, found ${added.join(', ')}`);
    assert.match(added[0] ?? '', /^mdadm\.conf\.xcpng-backup-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\dZ(-\d+)?$/);
    assert.equal(hostFile(added[0] ?? ''), previous);
    assert.deepEqual(fs.readdirSync(etc).filter((name) => name.includes('.xcpng-tmp-')), [], 'no temporary file left');
  });

  it('refuses to save over a change made on the host since the file was opened', async () => {
    const editor = await showMdadm();
    // Someone edits the file on the host meanwhile (in place, as an editor on dom0 would).
    const theirs = `${hostFile('mdadm.conf')}# changed on the host\n`;
    fs.writeFileSync(path.join(etc, 'mdadm.conf'), theirs);
    const before = backups();
    await replaceText(editor, '# edited over SFTP', '# edited over SFTP, twice');
    assert.equal(await editor.document.save(), false, 'the save is refused');
    assert.equal(editor.document.isDirty, true);
    assert.equal(hostFile('mdadm.conf'), theirs, 'the host’s change is kept');
    assert.deepEqual(backups(), before, 'nothing was written');
    // The provider's own words, for any writer that read the file before the change.
    await rejectsWithCode(
      vscode.workspace.fs.writeFile(mdadmUri, new TextEncoder().encode(editor.document.getText())),
      'Unknown',
      /^\/etc\/mdadm\.conf changed on the host since you opened it \(its size went from \d+ to \d+ bytes\)\. Nothing was written to xcp-ng-lab1/,
    );
    assert.equal(hostFile('mdadm.conf'), theirs);
    // Reverting shows the host's version, and saving works again from there.
    await vscode.commands.executeCommand('workbench.action.files.revert');
    assert.equal(editor.document.getText(), theirs);
  });

  it('says plainly when a file is missing or may not be written', async () => {
    const missing = remoteFileUri('Lab A', masterUuid, '/etc/modprobe.d/no-such.conf');
    await rejectsWithCode(vscode.workspace.fs.stat(missing), 'FileNotFound', /^\/etc\/modprobe\.d\/no-such\.conf does not exist on xcp-ng-lab1\.$/);
    // Opening it is refused too (VS Code words that one itself: "Unable to resolve nonexistent file").
    await assert.rejects(Promise.resolve(vscode.workspace.openTextDocument(missing)), /nonexistent file/);

    // An immutable file (chattr +i): not even root may replace it.
    const editor = await showMdadm();
    execFileSync('chattr', ['+i', path.join(etc, 'mdadm.conf')]);
    try {
      const onHost = hostFile('mdadm.conf');
      await replaceText(editor, 'MAILADDR root', 'MAILADDR admin');
      assert.equal(await editor.document.save(), false);
      await rejectsWithCode(
        vscode.workspace.fs.writeFile(mdadmUri, new TextEncoder().encode(editor.document.getText())),
        'NoPermissions',
        /^Permission denied: cannot write \/etc\/mdadm\.conf on xcp-ng-lab1\.$/,
      );
      assert.equal(hostFile('mdadm.conf'), onHost);
      assert.deepEqual(fs.readdirSync(etc).filter((name) => name.includes('.xcpng-tmp-')), [], 'the temporary file is removed');
    } finally {
      execFileSync('chattr', ['-i', path.join(etc, 'mdadm.conf')]);
    }
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it('refuses the files of a host that is not the pool master, saying how to reach it', async () => {
    await rejectsWithCode(
      vscode.workspace.fs.stat(remoteFileUri('Lab A', otherUuid, '/etc/mdadm.conf')),
      'Unavailable',
      /^xcp-ng-lab\d is not the pool master of Lab A: dom0 files open only on the pool master/,
    );
    await rejectsWithCode(vscode.workspace.fs.stat(remoteFileUri('No Such Pool', masterUuid, '/etc/mdadm.conf')), 'Unavailable', /No pool named "no such pool"/i);
  });
});
