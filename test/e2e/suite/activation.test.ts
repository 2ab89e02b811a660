import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

const extensionId = 'xcpng-lab.xcpng-lab';

interface Contributes {
  commands: { command: string }[];
  viewsContainers: { activitybar: { id: string }[] };
  views: Record<string, { id: string }[]>;
}

describe('activation', () => {
  let contributes: Contributes;

  before(async () => {
    console.log(`VS Code ${vscode.version} (${vscode.env.appName}, host ${vscode.env.appHost}, ui ${vscode.env.uiKind === vscode.UIKind.Web ? 'web' : 'desktop'})`);
    const extension = vscode.extensions.getExtension(extensionId);
    assert.ok(extension, `${extensionId} is not installed in this VS Code`);
    await extension.activate();
    assert.equal(extension.isActive, true);
    contributes = (extension.packageJSON as { contributes: Contributes }).contributes;
  });

  it('contributes the XCP-ng container with the explorer view, and VS Code knows both', async () => {
    assert.deepEqual(contributes.viewsContainers.activitybar.map((c) => c.id), ['xcpng']);
    assert.ok(contributes.views.xcpng?.some((v) => v.id === 'xcpng.explorer'));
    const commands = await vscode.commands.getCommands(true);
    // VS Code registers these only for containers and views it has really created.
    assert.ok(commands.includes('workbench.view.extension.xcpng'), 'view container not registered');
    assert.ok(commands.includes('xcpng.explorer.focus'), 'explorer view not registered');
    await vscode.commands.executeCommand('xcpng.explorer.focus');
  });

  it('registers every command it contributes', async () => {
    const registered = new Set(await vscode.commands.getCommands(true));
    const missing = contributes.commands.map((c) => c.command).filter((id) => !registered.has(id));
    assert.deepEqual(missing, []);
  });

  it('has the "XCP-ng Lab" log channel', async () => {
    await vscode.commands.executeCommand('xcpng.log.show');
    // The channel's document is filled asynchronously after it is shown.
    const channel = await waitFor(() =>
      vscode.workspace.textDocuments.find(
        (d) => d.uri.scheme === 'output' && d.uri.path.includes('XCP-ng Lab') && /activated in VS Code/.test(d.getText()),
      ),
    );
    assert.match(channel.getText(), /\[info\] XCP-ng Lab \d+\.\d+\.\d+ activated in VS Code \d+\.\d+/);
  });
});

/** Polls an observable condition the API offers no event for (output documents open asynchronously). */
async function waitFor<T>(probe: () => T | undefined, timeoutMs = 10_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 100));
  }
}
