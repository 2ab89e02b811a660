// Entry of the extension-host suite. Bundled by esbuild to out/e2e/index.js and loaded by VS Code
// (code-server's server in CI, @vscode/test-electron on a laptop) through extensionTestsPath.
import * as fs from 'node:fs';
import Mocha from 'mocha';

export function run(): Promise<void> {
  // XCPNG_E2E_GREP narrows a run while working on one suite (scripts/runE2e.mjs passes it through).
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 60_000, reporter: 'spec', grep: process.env.XCPNG_E2E_GREP });
  // The suites are bundled into this file, so give them mocha's globals by hand before requiring them.
  mocha.suite.emit('pre-require', globalThis, 'bundle', mocha);
  // require, not import: the suites must run after pre-require, and imports would be hoisted above it.
  /* eslint-disable @typescript-eslint/no-require-imports */
  // The runner starts a second extension host for the tests that need a reload in between.
  if (process.env.XCPNG_E2E_PHASE_FILE && fs.existsSync(process.env.XCPNG_E2E_PHASE_FILE)) {
    require('./suite/afterReload.test');
    require('./suite/guidesAfterReload.test');
  } else {
    require('./suite/activation.test');
    require('./suite/explorer.test');
    require('./suite/vmActions.test');
    require('./suite/hostActions.test');
    require('./suite/guides.test');
    require('./suite/lint.test');
    require('./suite/raid.test');
    require('./suite/remoteFiles.test');
    require('./suite/secureBoot.test');
    // Last: it empties and restores the pool settings, which suites after it would inherit.
    require('./suite/walkthrough.test');
  }
  /* eslint-enable @typescript-eslint/no-require-imports */
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      // A machine-readable line the runner scripts sum into the CI total.
      console.log(`E2E_RESULT ${JSON.stringify({ passed: runner.stats?.passes ?? 0, failed: failures })}`);
      if (failures > 0) reject(new Error(`${failures} extension-host test(s) failed`));
      else resolve();
    });
  });
}
