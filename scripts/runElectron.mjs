// Optional runner for people with internet: the same extension-host suite under desktop VS Code, downloaded
// by @vscode/test-electron (2.5.2 is the last release that runs on Node 20). CI uses code-server instead.
import { runTests } from '@vscode/test-electron';
import { cpSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { root } from './vscodeServer.mjs';

const workspace = path.join(mkdtempSync(path.join(os.tmpdir(), 'xcpng-electron-')), 'workspace');
cpSync(path.join(root, 'test/e2e/workspace'), workspace, { recursive: true });
try {
  await runTests({
    version: process.env.VSCODE_VERSION ?? 'stable',
    extensionDevelopmentPath: root,
    extensionTestsPath: path.join(root, 'out/e2e/index.js'),
    launchArgs: [workspace, '--disable-extensions', '--skip-welcome', '--skip-release-notes'],
    extensionTestsEnv: { XCPNG_E2E: '1' },
  });
} catch (error) {
  console.error(`extension-host suite failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
