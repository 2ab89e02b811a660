import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { XcpngLabApi } from '../../../src/extension';
import { argvLog, configurePools, extensionApi, labFixture, until, type LabFixture } from './labFixture';

// The getting-started walkthrough: each step's context key is set by its real event and by nothing earlier.
// Earlier suites already did all of it in this extension host, so the progress is reset and replayed here.
describe('Getting-started walkthrough completes on the real events', () => {
  let api: XcpngLabApi;
  let fixture: LabFixture;

  before(async () => {
    fixture = labFixture();
    api = await extensionApi();
    api.prompts.override = { confirmUnknownHostKey: async () => true };
    api.confirm.override = async () => true;
  });

  after(async () => {
    api.confirm.override = undefined;
    await configurePools(api, fixture);
  });

  it('declares one context key per step in package.json', () => {
    const pkg = vscode.extensions.getExtension('xcpng-lab.xcpng-lab')?.packageJSON as {
      contributes: { walkthroughs: { steps: { id: string; completionEvents: string[] }[] }[] };
    };
    const steps = pkg.contributes.walkthroughs[0]?.steps ?? [];
    assert.deepEqual(
      steps.map((s) => s.id),
      ['addPool', 'trustKey', 'browse', 'vmMenu', 'runGuide', 'lint'],
    );
    for (const step of steps) assert.ok(step.completionEvents.includes(`onContext:xcpng.walkthrough.${step.id}`), step.id);
  });

  it('add a pool, trust its key, browse, a VM command, run a guide, lint a config file: each completes its step', async () => {
    const done = (): string[] => [...api.walkthrough.completed].sort();
    await configurePools(api, fixture, []);
    await vscode.commands.executeCommand('workbench.view.explorer');
    await until('the XCP-ng view to be hidden', () => !api.treeView.visible);
    api.walkthrough.reset();
    assert.deepEqual(done(), []);

    // The pools come from the settings, as the Add Pool command writes them; Lab A's key is in known_hosts.
    await configurePools(api, fixture);
    await until('the add-pool step', () => api.walkthrough.completed.has('addPool'));
    const labA = api.lab.monitors.find((m) => m.target.name === 'Lab A');
    assert.ok(labA);
    await labA.refreshAfterChange();
    await until('the trust-key step (a pool read over SSH)', () => api.walkthrough.completed.has('trustKey'));
    assert.deepEqual(done(), ['addPool', 'trustKey'], 'the view is still hidden');

    await vscode.commands.executeCommand('xcpng.explorer.focus');
    await until('the browse step', () => api.walkthrough.completed.has('browse'));

    const vm = labA.snapshot?.vms.find((v) => v.powerState === 'running');
    assert.ok(vm);
    await vscode.commands.executeCommand('xcpng.vm.showDetails', api.explorer.nodeFor(labA.target.id, 'vm', vm.uuid));
    assert.ok(api.walkthrough.completed.has('vmMenu'));
    assert.ok(!api.walkthrough.completed.has('runGuide'));

    const guide = await vscode.commands.executeCommand<vscode.TextEditor>('xcpng.guide.open', 'safe-host-power.md');
    assert.ok(guide);
    assert.ok(!api.walkthrough.completed.has('runGuide'), 'opening a guide is not running it');
    const block = ((await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', guide.document.uri)) ?? []).find(
      (l) => l.command?.command === 'xcpng.guide.runBlock',
    )?.command;
    const since = argvLog(fixture.a).length;
    await vscode.commands.executeCommand(block?.command ?? '', ...(block?.arguments ?? []), { poolId: labA.target.id });
    assert.deepEqual(argvLog(fixture.a).slice(since).filter((c) => c[1] === 'host-list' && c.includes('params=name-label,enabled')), [['xe', 'host-list', 'params=name-label,enabled']]);
    assert.ok(api.walkthrough.completed.has('runGuide'));
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');

    assert.ok(!api.walkthrough.completed.has('lint'));
    const root = vscode.extensions.getExtension('xcpng-lab.xcpng-lab')?.extensionUri;
    assert.ok(root);
    // A copy no earlier suite has open: a document already linted would bring no new diagnostics, so no event.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xcpng-walkthrough-'));
    const copy = path.join(dir, 'guest.vmx');
    fs.copyFileSync(path.join(root.fsPath, 'test/fixtures/lint/vmx/workstation-xcp-ng.vmx'), copy);
    try {
      await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(vscode.Uri.file(copy)));
      await until('the lint step (a diagnostic of ours)', () => api.walkthrough.completed.has('lint'));
      assert.deepEqual(done(), ['addPool', 'browse', 'lint', 'runGuide', 'trustKey', 'vmMenu']);
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
