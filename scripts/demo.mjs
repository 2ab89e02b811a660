// See demo.sh. Kept in Node so it can reuse the VS Code server launcher of the tests.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { root, startVsCodeServer, workbenchUrl } from './vscodeServer.mjs';

const port = Number(process.env.DEMO_PORT ?? 8080);
const host = process.env.DEMO_HOST ?? '127.0.0.1';
const runDir = mkdtempSync(path.join(os.tmpdir(), 'xcpng-demo-'));
const run = (cmd, args) => execFileSync(cmd, args, { cwd: root, stdio: 'inherit' });

console.log('building and packaging the extension...');
run('npm', ['run', '--silent', 'build']);
run('node', ['scripts/checkPackage.mjs']);
const vsix = path.join(root, 'dist-vsix', `xcpng-lab-${JSON.parse(execFileSync('node', ['-p', 'JSON.stringify(require("./package.json").version)'], { cwd: root }).toString())}.vsix`);

const workspace = path.join(runDir, 'workspace');
mkdirSync(workspace, { recursive: true });
cpSync(path.join(root, 'test/e2e/workspace'), workspace, { recursive: true });

const server = await startVsCodeServer({ runDir, port, host, settings: {} });
server.installExtension(vsix);
const url = workbenchUrl(server, workspace);
console.log(`\nXCP-ng Lab is running in VS Code ${server.version}.\nOpen: ${url}\nPress Ctrl-C to stop.`);

let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  console.log('\nstopping...');
  await server.stop();
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
await new Promise(() => undefined);
