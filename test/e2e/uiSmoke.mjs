// UI smoke: the workbench in Chromium, clicked like a person would. Kept small; the substance is in the
// extension-host suite. Each check saves a screenshot under test/e2e/.screens (ignored by git).
import path from 'node:path';
import { workbenchUrl, remoteUri } from '../../scripts/vscodeServer.mjs';

const checks = [
  {
    name: 'clicking the XCP-ng activity-bar icon shows the Pools view with its welcome',
    async run(page, { screens }) {
      const icon = page.locator('.activitybar a.action-label[aria-label^="XCP-ng"]');
      await icon.waitFor({ timeout: 60_000 });
      await icon.click();
      const welcome = page.getByText('No XCP-ng pool is configured yet.');
      await welcome.waitFor({ timeout: 30_000 });
      await page.getByRole('button', { name: 'Add Pool', exact: true }).waitFor({ timeout: 10_000 });
      // With a single view, VS Code titles the side bar "<container>: <view>" and hides the pane header.
      await page.locator('.sidebar .composite.title', { hasText: /XCP-ng: Pools/i }).waitFor({ timeout: 10_000 });
      await page.screenshot({ path: path.join(screens, 'explorer-welcome.png') });
    },
  },
];

export async function runUiSmoke({ server, browser, workspace, screens, devPath }) {
  const result = { passed: 0, failed: 0 };
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.goto(workbenchUrl(server, workspace, [
    ['extensionDevelopmentPath', remoteUri(server, devPath)],
    ['skipWelcome', 'true'],
  ]));
  for (const check of checks) {
    try {
      await check.run(page, { screens, server });
      result.passed += 1;
      console.log(`  ui ✓ ${check.name}`);
    } catch (error) {
      result.failed += 1;
      console.log(`  ui ✗ ${check.name}\n    ${String(error).split('\n').join('\n    ')}`);
      await page.screenshot({ path: path.join(screens, `failed-${result.failed}.png`) }).catch(() => undefined);
    }
  }
  await context.close();
  return result;
}
