// Runs the extension-host suite inside a real VS Code (code-server's embedded server, opened in Debian's
// Chromium by playwright-core), then the UI smoke test. Prints `E2E_TOTAL {"passed":n,"failed":m}` for CI.
import { chromium } from 'playwright-core';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { format } from 'node:util';
import { root, startVsCodeServer, chromiumArgs, workbenchUrl, remoteUri, freePort } from './vscodeServer.mjs';
import { runUiSmoke } from '../test/e2e/uiSmoke.mjs';

const runDir = mkdtempSync(path.join(os.tmpdir(), 'xcpng-e2e-'));
const workspace = path.join(runDir, 'workspace');
cpSync(path.join(root, 'test/e2e/workspace'), workspace, { recursive: true });
const screens = path.join(root, 'test/e2e/.screens');
mkdirSync(screens, { recursive: true });

const totals = { passed: 0, failed: 0 };
let server;
let browser;
const sims = [];
try {
  const fixture = await startLabFixture(runDir);
  const phaseFile = path.join(runDir, 'e2e-phase-2');
  server = await startVsCodeServer({ runDir, env: { XCPNG_E2E: '1', XCPNG_E2E_GREP: process.env.XCPNG_E2E_GREP ?? '', XCPNG_E2E_LAB: JSON.stringify(fixture), XCPNG_E2E_PHASE_FILE: phaseFile } });
  console.log(`VS Code server ${server.version} at ${server.url} (code-server embedded)`);
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: chromiumArgs });

  // 1. The extension-host suite, then a second extension host (a reload) for what must survive one.
  // One browser context for both, so the workbench storage behind workspaceState is the same.
  const context = await browser.newContext();
  for (const phase of [1, 2]) {
    if (phase === 2) writeFileSync(phaseFile, '2');
    const suite = await runExtensionHostSuite(server, context, workspace);
    totals.passed += suite.passed;
    totals.failed += suite.failed;
  }
  await context.close();

  // 2. The UI smoke test: the real workbench, clicked like a person would, on a server that shows dialogs.
  // XCPNG_E2E_SKIP_UI=1 leaves it out while iterating on one suite (CI never sets it).
  await server.stop();
  if (process.env.XCPNG_E2E_SKIP_UI !== '1') {
    server = await startVsCodeServer({ runDir: path.join(runDir, 'ui'), smokeTestDriver: false });
    const ui = await runUiSmoke({ server, browser, runDir, screens, devPath: root, sim: fixture.b });
    totals.passed += ui.passed;
    totals.failed += ui.failed;
  }
} catch (error) {
  console.error(error);
  totals.failed += 1;
} finally {
  await browser?.close();
  await server?.stop();
  for (const sim of sims) await sim.stop();
  if (totals.failed === 0) rmSync(runDir, { recursive: true, force: true });
  else console.log(`run folder kept for inspection: ${runDir}`);
}
console.log(`E2E_TOTAL ${JSON.stringify(totals)}`);
process.exit(totals.failed === 0 ? 0 : 1);

/**
 * The pools the suite talks to: two simulated pools behind two real OpenSSH servers, and a port where nothing
 * listens. The known_hosts file handed to the extension holds pool A's key under pool B's address, so B
 * presents a "changed" key.
 */
async function startLabFixture(dir) {
  const simServer = path.join(root, 'out/test/sim/simServer.js');
  if (!existsSync(simServer)) throw new Error('the lab simulator is not compiled: run `npm run compile-tests` first');
  const { startSim } = createRequire(import.meta.url)(simServer);
  const a = await startSim({ scenario: 'small-lab', dir: path.join(dir, 'sim-a') });
  sims.push(a);
  const b = await startSim({ scenario: 'ha-on', dir: path.join(dir, 'sim-b') });
  sims.push(b);
  const knownHostsFile = path.join(dir, 'known_hosts');
  writeFileSync(knownHostsFile, `[${b.host}]:${b.port} ${a.hostKeyLine}\n`);
  const describe = (s) => ({
    host: s.host, port: s.port, user: s.user, key: s.privateKeyPath, fingerprint: s.hostKeyFingerprint,
    argvLog: s.argvLogFile, stateFile: s.stateFile, dir: s.dir,
  });
  return { a: describe(a), b: describe(b), deadPort: await freePort(), knownHostsFile };
}

async function runExtensionHostSuite(srv, chromiumBrowser, folder) {
  const payload = [
    ['extensionDevelopmentPath', remoteUri(srv, root)],
    ['extensionTestsPath', remoteUri(srv, path.join(root, 'out/e2e/index.js'))],
    ['skipWelcome', 'true'],
  ];
  const page = await chromiumBrowser.newPage();
  let result;
  // The extension host's console reaches the server's stdout; the mocha summary line is read from there.
  srv.onOutput((text) => {
    if (page.isClosed()) return;
    for (const line of text.split('\n')) {
      if (!line.trim()) continue;
      const m = /E2E_RESULT (\{.*\})/.exec(line);
      if (m) result = JSON.parse(m[1]);
      console.log(`  [server] ${line}`);
    }
  });
  const exited = new Promise((resolve) => {
    void page.exposeFunction('codeAutomationExit', (code) => resolve(code));
  });
  await page.exposeFunction('codeAutomationLog', (type, args) => {
    const text = format(...args);
    const m = /E2E_RESULT (\{.*\})/.exec(text);
    if (m) result = JSON.parse(m[1]);
    console.log(`  [workbench:${type}] ${text}`);
  });
  await page.goto(workbenchUrl(srv, folder, payload));
  const timeout = new Promise((resolve) => setTimeout(() => resolve('timeout'), 10 * 60_000));
  const code = await Promise.race([exited, timeout]);
  await page.close();
  if (code === 'timeout') {
    console.error('extension-host suite did not finish within 10 minutes');
    return { passed: result?.passed ?? 0, failed: (result?.failed ?? 0) + 1 };
  }
  console.log(`extension-host suite exited with code ${code}`);
  if (!result) return { passed: 0, failed: 1 };
  return { passed: result.passed, failed: result.failed + (code !== 0 && result.failed === 0 ? 1 : 0) };
}
