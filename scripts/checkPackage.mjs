// Packages the .vsix offline with vsce and checks it holds only what it needs and stays small.
import { execFileSync } from 'node:child_process';
import { mkdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { root } from './vscodeServer.mjs';

const pkg = JSON.parse(execFileSync('node', ['-p', 'JSON.stringify(require("./package.json"))'], { cwd: root }).toString());
const out = path.join(root, 'dist-vsix', `${pkg.name}-${pkg.version}.vsix`);
mkdirSync(path.dirname(out), { recursive: true });
execFileSync('npx', ['vsce', 'package', '--no-dependencies', '--no-rewrite-relative-links', '--out', out], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
const listing = execFileSync('unzip', ['-Z1', out]).toString().trim().split('\n');
const size = statSync(out).size;
const allowed = [
  /^\[Content_Types\]\.xml$/, /^extension\.vsixmanifest$/,
  /^extension\/(package\.json|readme\.md|changelog\.md|LICENSE\.txt|LICENSE)$/i,
  /^extension\/dist\/(extension|cli)\.js$/,
  /^extension\/media\/.+\.(svg|png|md|json)$/,
  /^extension\/syntaxes\/.+\.json$/, /^extension\/snippets\/.+\.json$/,
  /^extension\/language-configuration\/.+\.json$/,
];
const unexpected = listing.filter((f) => !allowed.some((re) => re.test(f)));
console.log(`${path.relative(root, out)}: ${(size / 1024).toFixed(0)} KiB, ${listing.length} files`);
for (const f of listing) console.log(`  ${f}`);
let ok = true;
if (size >= 2 * 1024 * 1024) { console.error(`the .vsix is ${size} bytes, over 2 MB`); ok = false; }
if (unexpected.length) { console.error(`files that should not ship: ${unexpected.join(', ')}`); ok = false; }
for (const must of ['extension/package.json', 'extension/dist/extension.js', 'extension/media/xcpng.svg']) {
  if (!listing.includes(must)) { console.error(`missing from the .vsix: ${must}`); ok = false; }
}
process.exit(ok ? 0 : 1);
