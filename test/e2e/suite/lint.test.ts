import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { replaceText, until } from './labFixture';

// The suite runs from out/e2e/index.js inside the repository, so the fixture files are at hand.
const fixtures = path.resolve(__dirname, '../../test/fixtures/lint');

function workspaceDir(): string {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the test workspace is not open');
  return folder.uri.fsPath;
}

/** Copies a fixture into the workspace at `relative` and opens it in an editor. */
async function openCopy(fixture: string, relative: string): Promise<vscode.TextEditor> {
  const target = path.join(workspaceDir(), relative);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.copyFileSync(path.join(fixtures, fixture), target);
  const doc = await vscode.workspace.openTextDocument(target);
  return vscode.window.showTextDocument(doc, { preview: false });
}

const codeOf = (d: vscode.Diagnostic): string => String(typeof d.code === 'object' ? d.code.value : d.code);
const withCode = (uri: vscode.Uri, code: string): vscode.Diagnostic[] => vscode.languages.getDiagnostics(uri).filter((d) => codeOf(d) === code);

/** Replaces the first occurrence of `from` in the document, as typing would. */
/**
 * Applies a quick fix offered at a diagnostic's range: the one whose title matches, else the preferred, else
 * the first. (Code actions returned through the API command do not carry their diagnostics, so the range
 * and the title identify them.)
 */
async function applyQuickFix(uri: vscode.Uri, diagnostic: vscode.Diagnostic, title?: RegExp): Promise<string> {
  const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value);
  const fixes = actions.filter((a) => a.edit);
  const fix = (title ? fixes.find((a) => title.test(a.title)) : undefined) ?? fixes.find((a) => a.isPreferred) ?? fixes[0];
  assert.ok(fix?.edit, `no quick fix offered for ${codeOf(diagnostic)}`);
  assert.ok(await vscode.workspace.applyEdit(fix.edit));
  return fix.title;
}

interface Case {
  readonly language: string;
  readonly fixture: string;
  readonly file: string;
  readonly edit: [string, string];
  readonly code: string;
}

// Each starts from a file that passes the rule, breaks it with an edit, and mends it with the quick fix.
const cases: Case[] = [
  { language: 'xen-xl', fixture: 'xl/rules/nested-hap.passes.xl', file: 'lab/nested.xl', edit: ['hap = 1', 'hap = 0'], code: 'xl/nested-hap' },
  { language: 'vmx', fixture: 'vmx/rules/nested-vhv.passes.vmx', file: 'lab/xcp-ng.vmx', edit: ['vhv.enable = "TRUE"', 'vhv.enable = "FALSE"'], code: 'vmx/nested-vhv' },
  { language: 'modprobe', fixture: 'modprobe/rules/kvm-nested-disabled.passes.conf', file: 'etc/modprobe.d/kvm.conf', edit: ['nested=1', 'nested=N'], code: 'modprobe/kvm-nested-disabled' },
  { language: 'powershell', fixture: 'hyperv/rules/bool-arg.passes.ps1', file: 'lab/nested.ps1', edit: ['-IsLegacy $true', '-IsLegacy true'], code: 'hyperv/bool-arg' },
  { language: 'mdadm-conf', fixture: 'raid-roots/seed/etc/mdadm.conf', file: 'solo/etc/mdadm.conf', edit: ['ARRAY /dev/md0  metadata=1.2', 'ARRAY /dev/md/0  metadata=1.2 name=XCP-ng:0'], code: 'mdadm/array-name-tag' },
  { language: 'dracut-conf', fixture: 'raid-roots/seed/etc/dracut.conf.d/dracut_mdraid.conf', file: 'solo2/etc/dracut.conf.d/dracut_mdraid.conf', edit: ['add_drivers+=" md_mod', 'add_drivers+="md_mod'], code: 'dracut/plus-equals-spacing' },
];

describe('linting as you type, in the editor', () => {
  before(async () => {
    await vscode.workspace.getConfiguration('xcpng').update('lint.run', 'onType', vscode.ConfigurationTarget.Workspace);
  });

  for (const c of cases) {
    it(`${c.language}: an edit raises ${c.code} and its quick fix clears it`, async () => {
      const editor = await openCopy(c.fixture, c.file);
      const uri = editor.document.uri;
      assert.equal(editor.document.languageId, c.language);
      // Linted on open: the starting file does not have the problem.
      await until(`the first lint of ${c.file}`, () => vscode.languages.getDiagnostics(uri) !== undefined, 5000);
      await new Promise((r) => setTimeout(r, 600));
      assert.deepEqual(withCode(uri, c.code), [], `${c.code} fired before the edit`);
      await replaceText(editor, ...c.edit);
      const [diagnostic] = await until(`${c.code} after the edit`, () => {
        const found = withCode(uri, c.code);
        return found.length > 0 && found;
      });
      assert.ok(diagnostic);
      assert.equal(diagnostic.source, 'xcpng-lab');
      await applyQuickFix(uri, diagnostic);
      await until(`${c.code} to clear after the quick fix`, () => withCode(uri, c.code).length === 0);
      await vscode.commands.executeCommand('workbench.action.files.revert');
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    });
  }

  it('checks a dracut drop-in against mdadm.conf: editing an ARRAY UUID flags the other open file, and its fix adds the line', async () => {
    const dracut = await openCopy('raid-roots/seed/etc/dracut.conf.d/dracut_mdraid.conf', 'root/etc/dracut.conf.d/dracut_mdraid.conf');
    const mdadm = await openCopy('raid-roots/seed/etc/mdadm.conf', 'root/etc/mdadm.conf');
    await new Promise((r) => setTimeout(r, 600));
    assert.deepEqual(withCode(dracut.document.uri, 'dracut/md-uuid-unknown'), []);
    // A typo in mdadm.conf, the guide's most common boot failure.
    await replaceText(mdadm, 'UUID=53461f34', 'UUID=53461f35');
    const [unknown] = await until('dracut/md-uuid-unknown in the drop-in', () => {
      const found = withCode(dracut.document.uri, 'dracut/md-uuid-unknown');
      return found.length > 0 && found;
    });
    assert.ok(unknown);
    const [missing] = withCode(dracut.document.uri, 'dracut/md-uuid-missing');
    assert.ok(missing, 'the ARRAY no longer listed should be reported too');
    assert.match(await applyQuickFix(dracut.document.uri, missing, /^Add rd\.md\.uuid=/), /53461f35/);
    await until('the drop-in to list the ARRAY UUID', () => dracut.document.getText().includes('rd.md.uuid=53461f35:2414371e:820f9514:008b6458'));
    await until('dracut/md-uuid-missing to clear', () => withCode(dracut.document.uri, 'dracut/md-uuid-missing').length === 0);
    // Put mdadm.conf back: the unknown rd.md.uuid for the old value remains the user's call.
    await replaceText(mdadm, 'UUID=53461f35', 'UUID=53461f34');
    await until('dracut/md-uuid-missing gone once mdadm.conf is back', () => withCode(dracut.document.uri, 'dracut/md-uuid-unknown').length === 1);
  });

  it('generates the guide\'s dracut_mdraid.conf from mdadm.conf, and the file lints clean', async () => {
    const mdadm = await openCopy('raid-roots/seed/etc/mdadm.conf', 'generated/etc/mdadm.conf');
    const target = path.join(workspaceDir(), 'generated/etc/dracut.conf.d/dracut_mdraid.conf');
    assert.equal(fs.existsSync(target), false);
    await vscode.commands.executeCommand('xcpng.raid.generateDracutMdraid', mdadm.document.uri);
    const text = await until('the generated file on disk', () => fs.existsSync(target) && fs.readFileSync(target, 'utf8'));
    for (const uuid of ['53461f34:2414371e:820f9514:008b6458', '09871a29:26fa7ce1:0c9b040a:60f5cabf']) {
      assert.ok(text.includes(` rd.md.uuid=${uuid} `), `rd.md.uuid=${uuid} missing`);
    }
    const uri = vscode.Uri.file(target);
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    // Linted once opened (the debounce is about 250 ms); nothing may be reported.
    await new Promise((r) => setTimeout(r, 1500));
    assert.deepEqual(vscode.languages.getDiagnostics(uri).map((d) => `${codeOf(d)}: ${d.message}`), []);
  });
});
