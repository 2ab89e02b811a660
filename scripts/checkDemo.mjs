// Runs the README's demo command as a user would, waits for the URL it prints, opens it in Chromium, checks
// that the XCP-ng view shows the simulated pool, saves a screenshot, then stops the demo with Ctrl-C.
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { root, chromiumArgs, freePort } from './vscodeServer.mjs';

const port = await freePort();
const demo = spawn('npm', ['run', '--silent', 'demo'], { cwd: root, env: { ...process.env, DEMO_PORT: String(port) }, stdio: ['ignore', 'pipe', 'inherit'], detached: true });
let output = '';
const url = await new Promise((resolve, reject) => {
  const timer = setTimeout(() => reject(new Error(`no URL from the demo within 5 minutes:\n${output}`)), 5 * 60_000);
  demo.stdout.on('data', (chunk) => {
    output += chunk.toString();
    process.stdout.write(chunk);
    const m = /^Open: (\S+)$/m.exec(output);
    if (m) {
      clearTimeout(timer);
      resolve(m[1]);
    }
  });
  demo.on('exit', (code) => reject(new Error(`the demo exited with ${code}:\n${output}`)));
});
let ok = false;
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: chromiumArgs });
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(url);
  await page.locator('.activitybar a.action-label[aria-label^="XCP-ng"]').click({ timeout: 60_000 });
  const dialog = page.locator('.monaco-dialog-box');
  await dialog.getByRole('button', { name: 'Trust and Connect' }).click({ timeout: 30_000 });
  await page.locator('.monaco-list-row', { hasText: 'Homelab (simulated)' }).waitFor({ timeout: 30_000 });
  await page.locator('.monaco-list-row', { hasText: 'pfSense' }).waitFor({ timeout: 30_000 });
  const screens = path.join(root, 'test/e2e/.screens');
  mkdirSync(screens, { recursive: true });
  await page.screenshot({ path: path.join(screens, 'demo.png') });
  ok = true;
  console.log('demo ✓ the URL shows the XCP-ng view with the simulated pool (test/e2e/.screens/demo.png)');
} catch (error) {
  console.error(`demo ✗ ${error instanceof Error ? error.message : error}`);
} finally {
  await browser.close();
  process.kill(-demo.pid, 'SIGINT');
  await new Promise((r) => demo.once('exit', r));
}
process.exit(ok ? 0 : 1);
