// See demo.sh. Kept in Node so it reuses the VS Code server launcher of the tests and the lab simulator.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { root, startVsCodeServer, workbenchUrl } from './vscodeServer.mjs';

const port = Number(process.env.DEMO_PORT ?? 8080);
const host = process.env.DEMO_HOST ?? '127.0.0.1';
const scenario = process.env.DEMO_SCENARIO ?? 'small-lab';
const runDir = mkdtempSync(path.join(os.tmpdir(), 'xcpng-demo-'));
const run = (cmd, args) => execFileSync(cmd, args, { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });

console.log('building and packaging the extension...');
run('npm', ['run', '--silent', 'build']);
run('npm', ['run', '--silent', 'compile-tests']);
run('node', ['scripts/checkPackage.mjs']);
const { version } = JSON.parse(execFileSync('node', ['-p', 'JSON.stringify(require("./package.json"))'], { cwd: root }).toString());
const vsix = path.join(root, 'dist-vsix', `xcpng-lab-${version}.vsix`);

console.log(`starting the lab simulator (${scenario}) behind a real OpenSSH server...`);
const { startSim } = createRequire(import.meta.url)(path.join(root, 'out/test/sim/simServer.js'));
const sim = await startSim({ scenario, dir: path.join(runDir, 'sim') });

// A workspace whose settings point at the simulated pool. Its host key is new, so the extension asks
// about it first, as it would for a real pool.
const workspace = path.join(runDir, 'workspace');
mkdirSync(path.join(workspace, '.vscode'), { recursive: true });
writeFileSync(
  path.join(workspace, '.vscode', 'settings.json'),
  JSON.stringify({
    'xcpng.pools': [{ name: 'Homelab (simulated)', host: sim.host, port: sim.port, user: sim.user, identityFile: sim.privateKeyPath }],
    'xcpng.ssh.knownHostsFiles': [path.join(runDir, 'known_hosts')],
  }, null, 2),
);
writeFileSync(path.join(runDir, 'known_hosts'), '');

let server;
let stopping = false;
const stop = async (code = 0) => {
  if (stopping) return;
  stopping = true;
  console.log('\nstopping the demo...');
  await server?.stop();
  await sim.stop();
  rmSync(runDir, { recursive: true, force: true });
  process.exit(code);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());

try {
  server = await startVsCodeServer({ runDir: path.join(runDir, 'vscode'), port, host, smokeTestDriver: false });
  server.installExtension(vsix);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  await stop(1);
}
console.log(`\nThe simulated pool's host key fingerprint is ${sim.hostKeyFingerprint}`);
console.log(`XCP-ng Lab ${version} is running in VS Code ${server.version}.`);
console.log(`Open: ${workbenchUrl(server, workspace)}`);
console.log('Press Ctrl-C to stop everything the demo started.');
await new Promise(() => undefined);
