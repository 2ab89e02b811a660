// Bundles the extension, the CLI and the extension-host test suite with esbuild.
// ssh2's optional native parts stay external: ssh2 falls back to its pure-JS crypto without them.
import * as esbuild from 'esbuild';

const watch = process.argv.includes('--watch');
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  logLevel: 'warning',
  external: ['vscode', 'cpu-features', './crypto/build/Release/sshcrypto.node'],
};
const builds = [
  { ...common, entryPoints: ['src/extension.ts'], outfile: 'dist/extension.js', minify: !watch },
  { ...common, entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
  { ...common, entryPoints: ['test/e2e/index.ts'], outfile: 'out/e2e/index.js', external: [...common.external, 'mocha'] },
];
if (watch) {
  for (const b of builds) await (await esbuild.context(b)).watch();
} else {
  await Promise.all(builds.map((b) => esbuild.build(b)));
}
