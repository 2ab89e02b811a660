// UI smoke: the workbench in Chromium, clicked like a person would. Kept small; the substance is in the
// extension-host suite. Screenshots go to test/e2e/.screens (ignored by git).
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, writeFileSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { workbenchUrl, remoteUri, root } from '../../scripts/vscodeServer.mjs';

const fixtures = path.join(root, 'test/fixtures/lint');

const row = (page, text) => page.locator('.monaco-list-row', { hasText: text }).first();

/** F1 and a command by its title. */
async function palette(page, command) {
  await page.keyboard.press('F1');
  await page.keyboard.type(command);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: command }).first().click({ timeout: 20_000 });
}

/**
 * Points the mouse at `target` until `hover` shows. A hover only starts on a mouse move after its delay, and a busy
 * machine can miss that first move: leave and come back a few times before giving up. The target's box is read
 * again each time, since content can still move (a code lens appearing above pushes the lines down).
 */
async function hoverUntil(page, target, hover, { dx, dy = 0, tries = 4 }) {
  for (let attempt = 1; ; attempt++) {
    const box = await target.boundingBox();
    if (!box) throw new Error('the element to hover has no box');
    await page.mouse.move(0, 0);
    await page.mouse.move(box.x + (dx ?? box.width / 2), box.y + box.height / 2 + dy, { steps: 4 });
    try {
      await hover.waitFor({ timeout: 8_000 });
      return;
    } catch (error) {
      if (attempt >= tries) throw error;
    }
  }
}

/**
 * Clicks an item of the open context menu until the menu closes. A click that lands while the menu is still
 * settling after the right-click is dropped by the workbench and leaves the menu open (seen once on a busy
 * machine, with the item highlighted): try again, a few times, before giving up.
 */
async function clickMenuItem(item, tries = 3) {
  await item.click({ timeout: 10_000 });
  for (let attempt = 2; ; attempt++) {
    try {
      await item.waitFor({ state: 'hidden', timeout: 3_000 });
      return;
    } catch (error) {
      if (attempt > tries) throw error;
    }
    // Still shown, so the click was dropped; a menu that closes meanwhile needs no second one.
    await item.click({ timeout: 1_000 }).catch(() => undefined);
  }
}

/** A command from the palette, then an item of the quick pick it opens. */
async function paletteThenPick(page, command, item) {
  await palette(page, command);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: item }).first().click({ timeout: 20_000 });
}

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
      await clickMenuItem(item);
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
    name: 'the master\'s RAID node lists its md arrays, and a failed member shows the warning badge',
    workspace: 'lab',
    async run(page, { screens, sim }) {
      // The simulator's own mdadm fails a member of md0, as a dying drive would; --add puts it back afterwards.
      const mdadm = (...args) => {
        const r = spawnSync(path.join(sim.dir, 'bin', 'mdadm'), args, { encoding: 'utf8' });
        if (r.status !== 0) throw new Error(`mdadm ${args.join(' ')}: ${r.stderr}`);
      };
      mdadm('--manage', '/dev/md0', '--fail', '/dev/sde');
      try {
        await row(page, 'RAID').click();
        await row(page, 'md127').waitFor({ timeout: 20_000 });
        const md0 = row(page, 'md0');
        await md0.getByText('degraded [UU_]', { exact: false }).waitFor({ timeout: 10_000 });
        await md0.locator('.codicon-warning').waitFor({ timeout: 5_000 });
        await hoverUntil(page, md0, page.locator('.monaco-hover-content', { hasText: 'failed' }).first(), { dx: 60 });
        await page.screenshot({ path: path.join(screens, 'raid-node.png') });
      } finally {
        mdadm('/dev/md0', '--add', '/dev/sde');
      }
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
      await hoverUntil(page, squiggle, page.locator('.monaco-hover-content', { hasText: 'xcpng-lab' }).first(), { dy: -4 });
      await page.screenshot({ path: path.join(screens, 'lint-squiggle-hover.png') });
    },
  },
  {
    name: 'Open Guide... shows a guide with its lenses; Run on host... asks, then runs the block on the pool',
    workspace: 'lab',
    async run(page, { screens }) {
      await paletteThenPick(page, 'XCP-ng: Open Guide...', 'Safe host reboot');
      const lens = page.locator('.monaco-editor .codelens-decoration a', { hasText: 'Run on host...' }).first();
      await lens.waitFor({ timeout: 30_000 });
      await page.locator('.monaco-editor .codelens-decoration a', { hasText: 'Reboot a Host Safely...' }).first().waitFor({ timeout: 10_000 });
      await page.screenshot({ path: path.join(screens, 'guide-code-lenses.png') });
      await lens.click();
      const dialog = page.locator('.monaco-dialog-box');
      await dialog.getByText('xe host-list params=name-label,enabled').waitFor({ timeout: 20_000 });
      await dialog.getByRole('button', { name: 'Run', exact: true }).click();
      // The block's output lands in the guide output channel: the three hosts of the simulated pool.
      await page.locator('.output-view', { hasText: 'xcp-ng-lab3' }).or(page.locator('.monaco-editor', { hasText: 'xcp-ng-lab3' })).first().waitFor({ timeout: 30_000 });
    },
  },
  {
    name: 'the getting-started walkthrough lists its steps; Add Pool from it completes the first',
    workspace: 'lab',
    async run(page, { screens }) {
      // The guide's output panel is open from the check above: close it so the steps have room.
      await palette(page, 'View: Toggle Panel Visibility');
      await paletteThenPick(page, 'Welcome: Open Walkthrough...', 'Get started with XCP-ng Lab');
      const step = (title) => page.locator('.getting-started-step', { hasText: title }).first();
      for (const title of ['Add a pool', 'Trust its host key', 'Browse the pool', 'Right-click a VM', 'Run a guide', 'Lint a config file']) await step(title).waitFor({ timeout: 30_000 });
      // A live completion event: the step's own button runs Add Pool (its input is dismissed).
      await page.getByRole('button', { name: 'Add Pool', exact: true }).first().click({ timeout: 10_000 });
      await page.locator('.quick-input-widget').waitFor({ timeout: 10_000 });
      await page.keyboard.press('Escape');
      // A completed step's checkbox gets the class "complete" (and the filled check icon).
      await step('Add a pool').locator('.complete').waitFor({ timeout: 20_000 });
      const complete = await page.locator('.getting-started-step', { has: page.locator('.complete') }).allTextContents();
      console.log(`    walkthrough steps shown complete: ${complete.map((t) => t.trim().split('\n')[0]).join(', ')}`);
      await page.screenshot({ path: path.join(screens, 'walkthrough.png') });
    },
  },
  {
    name: 'a dom0 file opened from the pool master\'s context menu is linted over SFTP: squiggle and problem',
    workspace: 'lab',
    async run(page, { screens, sim }) {
      // A deliberate mistake in the host's drop-in: rd.md.uuid must be lower-case (dracut compares strings).
      const file = path.join(sim.dir, 'root/etc/dracut.conf.d/dracut_mdraid.conf');
      const original = readFileSync(file, 'utf8');
      const broken = original.replace(/rd\.md\.uuid=([0-9a-f:]+) "\n?$/, (m, uuid) => m.replace(uuid, uuid.toUpperCase()));
      if (broken === original) throw new Error(`no lower-case rd.md.uuid line at the end of ${file}`);
      // In place: the simulator's /etc is an overlay, which sees changes to an existing file's content.
      writeFileSync(file, broken);
      try {
        await row(page, 'xcp-ng-lab1').click({ button: 'right' });
        await clickMenuItem(page.getByRole('menuitem', { name: 'Open dom0 Config File...' }));
        await page.locator('.quick-input-list .monaco-list-row', { hasText: 'dracut_mdraid.conf' }).first().click({ timeout: 20_000 });
        await page.locator('.monaco-editor .squiggly-error').first().waitFor({ timeout: 30_000 });
        // The Problems panel shows the finding's words under the editor.
        await palette(page, 'Toggle Problems');
        await page.locator('.markers-panel .monaco-list-row', { hasText: /upper-case/i }).first().waitFor({ timeout: 15_000 });
        await page.screenshot({ path: path.join(screens, 'remote-file-diagnostics.png') });
      } finally {
        writeFileSync(file, original);
      }
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
      // The run folder sits inside the repository: keep git's "open the parent repository?" toast out of the screenshots.
      'git.openRepositoryInParentFolders': 'never',
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
