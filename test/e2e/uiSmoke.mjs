// UI smoke: the workbench in Chromium, clicked like a person would. Kept small; the substance is in the
// extension-host suite. Screenshots go to test/e2e/.screens (ignored by git).
import { copyFileSync, mkdirSync, writeFileSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { workbenchUrl, remoteUri, root } from '../../scripts/vscodeServer.mjs';

const fixtures = path.join(root, 'test/fixtures/lint');

const row = (page, text) => page.locator('.monaco-list-row', { hasText: text }).first();

const checks = [
  {
    name: 'with no pool, the XCP-ng icon opens the Pools view and its welcome',
    workspace: 'empty',
    async run(page, { screens }) {
      const icon = page.locator('.activitybar a.action-label[aria-label^="XCP-ng"]');
      await icon.waitFor({ timeout: 60_000 });
      await icon.click();
      await page.getByText('No XCP-ng pool is configured yet.').waitFor({ timeout: 30_000 });
      await page.getByRole('button', { name: 'Add Pool', exact: true }).waitFor({ timeout: 10_000 });
      await page.locator('.pane-header', { hasText: 'Pools' }).first().waitFor({ timeout: 10_000 });
      await page.screenshot({ path: path.join(screens, 'explorer-welcome.png') });
    },
  },
  {
    name: 'an unknown host key is asked in a modal with its fingerprint; trusting it shows the tree',
    workspace: 'lab',
    async run(page, { screens, sim }) {
      await page.locator('.activitybar a.action-label[aria-label^="XCP-ng"]').click({ timeout: 60_000 });
      const dialog = page.locator('.monaco-dialog-box');
      await dialog.waitFor({ timeout: 30_000 });
      await dialog.getByText(sim.fingerprint).waitFor({ timeout: 5_000 });
      await page.screenshot({ path: path.join(screens, 'host-key-prompt.png') });
      await dialog.getByRole('button', { name: 'Trust and Connect' }).click();
      await row(page, 'xcp-ng-lab2').waitFor({ timeout: 30_000 });
      await row(page, 'db01').waitFor({ timeout: 10_000 });
      await row(page, 'Halted VMs').waitFor({ timeout: 10_000 });
      await page.screenshot({ path: path.join(screens, 'explorer-tree.png') });
    },
  },
  {
    name: 'right-clicking a running VM offers Shut Down, which stops it',
    workspace: 'lab',
    async run(page, { screens, sim }) {
      const vm = row(page, 'db01');
      await vm.click({ button: 'right' });
      const item = page.getByRole('menuitem', { name: 'Shut Down', exact: true });
      await item.waitFor({ timeout: 10_000 });
      // A halted VM's actions must not be offered for a running one.
      if (await page.getByRole('menuitem', { name: 'Start', exact: true }).count()) throw new Error('Start offered on a running VM');
      await page.screenshot({ path: path.join(screens, 'vm-context-menu.png') });
      await item.click();
      const deadline = Date.now() + 30_000;
      for (;;) {
        const state = JSON.parse(readFileSync(sim.stateFile, 'utf8'));
        if (state.vms.find((v) => v['name-label'] === 'db01')?.['power-state'] === 'halted') break;
        if (Date.now() > deadline) throw new Error('db01 is not halted in the simulated pool');
        await page.waitForTimeout(250);
      }
      // The row takes the halted icon once the verification re-read lands.
      await page.locator('.monaco-list-row', { hasText: 'db01' }).locator('.codicon-vm-outline').waitFor({ timeout: 20_000 });
    },
  },
  {
    name: 'an xl config shows its lint errors as squiggles, with the rule and message on hover',
    workspace: 'lab',
    async run(page, { screens }) {
      await page.keyboard.press('Control+P');
      await page.keyboard.type('nested-guest.xl');
      await page.locator('.quick-input-list .monaco-list-row', { hasText: 'nested-guest.xl' }).first().click({ timeout: 20_000 });
      const squiggle = page.locator('.monaco-editor .squiggly-error').first();
      await squiggle.waitFor({ timeout: 30_000 });
      // The squiggle sits under the text layer: point at the text above it, as a person would.
      const box = await squiggle.boundingBox();
      if (!box) throw new Error('the squiggle has no box');
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2 - 4);
      const hover = page.locator('.monaco-hover-content', { hasText: 'xcpng-lab' }).first();
      await hover.waitFor({ timeout: 15_000 });
      await page.screenshot({ path: path.join(screens, 'lint-squiggle-hover.png') });
    },
  },
];

/** Workspaces of the smoke test: one with no pool, one with the simulated pool B and an empty known_hosts. */
function prepareWorkspaces(runDir, sim) {
  const empty = path.join(runDir, 'ui-empty');
  const lab = path.join(runDir, 'ui-lab');
  mkdirSync(empty, { recursive: true });
  mkdirSync(path.join(lab, '.vscode'), { recursive: true });
  const knownHosts = path.join(runDir, 'ui-known_hosts');
  writeFileSync(knownHosts, '');
  // The guide's nested XCP-ng example as people paste it: serial set twice, a placeholder MAC.
  copyFileSync(path.join(fixtures, 'xl', 'seed-nested-xcp-ng.xl'), path.join(lab, 'nested-guest.xl'));
  writeFileSync(
    path.join(lab, '.vscode', 'settings.json'),
    JSON.stringify({
      'xcpng.pools': [{ name: 'Homelab', host: sim.host, port: sim.port, user: sim.user, identityFile: sim.key }],
      'xcpng.ssh.knownHostsFiles': [knownHosts],
    }, null, 2),
  );
  return { empty, lab };
}

export async function runUiSmoke({ server, browser, runDir, screens, devPath, sim }) {
  const result = { passed: 0, failed: 0 };
  const workspaces = prepareWorkspaces(runDir, sim);
  const pages = new Map();
  const pageFor = async (name) => {
    if (pages.has(name)) return pages.get(name);
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.goto(workbenchUrl(server, workspaces[name], [['extensionDevelopmentPath', remoteUri(server, devPath)], ['skipWelcome', 'true']]));
    pages.set(name, page);
    return page;
  };
  for (const check of checks) {
    const page = await pageFor(check.workspace);
    try {
      await check.run(page, { screens, server, sim });
      result.passed += 1;
      console.log(`  ui ✓ ${check.name}`);
    } catch (error) {
      result.failed += 1;
      console.log(`  ui ✗ ${check.name}\n    ${String(error).split('\n').join('\n    ')}`);
      await page.screenshot({ path: path.join(screens, `failed-${result.failed}.png`) }).catch(() => undefined);
    }
  }
  for (const page of pages.values()) await page.context().close();
  return result;
}
