// Starts the VS Code server embedded in code-server, on loopback, for the extension-host tests, the UI smoke
// test and the demo. Every run gets its own user-data, server-data and extensions folders.
import { spawn, execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync, createWriteStream } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';

export const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');

export function ensureCodeServer() {
  const out = execFileSync('bash', [path.join(root, 'scripts/ensureCodeServer.sh')], { stdio: ['ignore', 'pipe', 'inherit'] });
  return out.toString().trim().split('\n').pop();
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

const quietSettings = {
  'workbench.startupEditor': 'none',
  'telemetry.telemetryLevel': 'off',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'workbench.tips.enabled': false,
  'security.workspace.trust.enabled': false,
  'update.mode': 'none',
};

/**
 * @param {{ runDir: string, settings?: object, env?: object, logFile?: string, port?: number, host?: string, smokeTestDriver?: boolean }} opts
 * The smoke-test driver is needed to run the extension-host tests, but it also makes the workbench refuse
 * modal dialogs: a server for clicking through real dialogs is started without it.
 */
export async function startVsCodeServer(opts) {
  const codeServer = ensureCodeServer();
  const port = opts.port ?? (await freePort());
  const host = opts.host ?? '127.0.0.1';
  const userData = path.join(opts.runDir, 'user-data');
  const serverData = path.join(opts.runDir, 'server-data');
  const extensions = path.join(opts.runDir, 'extensions');
  for (const d of [path.join(userData, 'User'), path.join(serverData, 'data', 'Machine'), extensions]) mkdirSync(d, { recursive: true });
  const settings = JSON.stringify({ ...quietSettings, ...opts.settings }, null, 2);
  writeFileSync(path.join(userData, 'User', 'settings.json'), settings);
  writeFileSync(path.join(serverData, 'data', 'Machine', 'settings.json'), settings);
  const serverMain = path.join(codeServer, 'lib/vscode/out/server-main.js');
  const version = JSON.parse(execFileSync('node', ['-p', `JSON.stringify(require(${JSON.stringify(path.join(codeServer, 'lib/vscode/package.json'))}).version)`]).toString());
  const args = [
    serverMain, '--host', host, '--port', String(port), '--without-connection-token', '--accept-server-license-terms',
    ...(opts.smokeTestDriver === false ? [] : ['--enable-smoke-test-driver']), '--disable-telemetry', '--disable-workspace-trust',
    '--user-data-dir', userData, '--server-data-dir', serverData, '--extensions-dir', extensions,
  ];
  const env = {
    ...process.env,
    XDG_CONFIG_HOME: path.join(opts.runDir, 'xdg-config'),
    XDG_DATA_HOME: path.join(opts.runDir, 'xdg-data'),
    VSCODE_AGENT_FOLDER: serverData,
    ...opts.env,
  };
  const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  const log = createWriteStream(opts.logFile ?? path.join(opts.runDir, 'server.log'));
  const listeners = new Set();
  for (const stream of [child.stdout, child.stderr]) {
    stream.on('data', (chunk) => {
      log.write(chunk);
      for (const l of listeners) l(chunk.toString());
    });
  }
  const url = `http://${host}:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`VS Code server exited with ${child.exitCode}; see ${log.path}`);
    try {
      const res = await fetch(`${url}/version`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`VS Code server did not answer on ${url} within 60 s; see ${log.path}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    url, port, host, version, extensionsDir: extensions, serverMain,
    onOutput: (fn) => listeners.add(fn),
    installExtension(vsix) {
      execFileSync(process.execPath, [serverMain, '--extensions-dir', extensions, '--install-extension', vsix, '--force'], { env, stdio: 'pipe' });
    },
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      try { process.kill(-child.pid, 'SIGTERM'); } catch { /* already gone */ }
      const timer = setTimeout(() => { try { process.kill(-child.pid, 'SIGKILL'); } catch { /* gone */ } }, 5000);
      await exited;
      clearTimeout(timer);
      log.end();
    },
  };
}

export const chromiumArgs = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage',
];

/** The workbench URL; `payload` entries become the web workbench's development options. */
export function workbenchUrl(server, folder, payload) {
  const q = new URLSearchParams({ folder });
  if (payload) q.set('payload', JSON.stringify(payload));
  return `${server.url}/?${q.toString()}`;
}

export function remoteUri(server, p) {
  return `vscode-remote://${server.host}:${server.port}${p}`;
}
