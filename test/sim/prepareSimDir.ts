import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { syncHostFiles, writeInPlace } from './dom0/hostFiles';
import { DOM0_TOOLS } from './dom0/runDom0Tool';
import { loadScenario } from './state/loadScenario';
import { masterOf, type Dom0State } from './state/simState';
import { simPaths, type SimPaths } from './state/simPaths';
import { shellQuote as shq } from './shellQuote';
import { StateStore } from './state/stateStore';

/**
 * The compiled simulator (this file runs from out/test/sim) is copied into the server's own folder: the
 * password login user must be able to run it, and the repository may sit under a folder only root can
 * enter (a CI clone in a mktemp -d folder is mode 700).
 */
export function simLibDir(dir: string): string {
  return path.join(dir, 'lib');
}

function copySimLib(dir: string): void {
  const lib = simLibDir(dir);
  const copied = path.join(lib, 'bin', 'xe.js');
  // Up to date when copied after the last build (a reset or a fixture case reuses the folder).
  if (fs.existsSync(copied) && fs.statSync(copied).mtimeMs >= fs.statSync(path.join(__dirname, 'bin', 'xe.js')).mtimeMs) return;
  fs.rmSync(lib, { recursive: true, force: true });
  fs.cpSync(__dirname, lib, { recursive: true, filter: (src) => !src.endsWith('.map') });
  fs.chmodSync(lib, 0o755);
}

/** `#!/bin/sh` + `exec node <js> "$@"`, with absolute paths, failing clearly when out/ was not built. */
function launcher(dir: string, js: string, tool: string | undefined, label: string): string {
  return [
    '#!/bin/sh',
    `# Lab simulator stand-in for ${label} (generated; see test/sim/README.md).`,
    `XE_SIM_DIR=${shq(dir)}; export XE_SIM_DIR`,
    '# Loading extra CA certificates costs Node more than the whole command; the stand-ins never use TLS.',
    'unset NODE_EXTRA_CA_CERTS NODE_OPTIONS',
    `if [ ! -f ${shq(js)} ]; then`,
    `  echo "${label} (lab simulator): ${js} is missing; run 'npm run compile-tests' first" >&2`,
    '  exit 127',
    'fi',
    `exec ${shq(process.execPath)} ${shq(js)}${tool ? ` ${shq(tool)}` : ''} "$@"`,
    '',
  ].join('\n');
}

function writeExecutable(file: string, content: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, content, { mode: 0o755 });
  fs.chmodSync(file, 0o755);
}

export function writeLaunchers(paths: SimPaths): void {
  copySimLib(paths.dir);
  const XE_JS = path.join(simLibDir(paths.dir), 'bin', 'xe.js');
  const DOM0_JS = path.join(simLibDir(paths.dir), 'bin', 'dom0.js');
  writeExecutable(path.join(paths.bin, 'xe'), launcher(paths.dir, XE_JS, undefined, 'xe'));
  for (const tool of Object.keys(DOM0_TOOLS)) {
    const file = tool === 'xen-cmdline' ? path.join(paths.root, 'opt', 'xensource', 'libexec', 'xen-cmdline') : path.join(paths.bin, tool);
    writeExecutable(file, launcher(paths.dir, DOM0_JS, tool, tool));
  }
}

/** xapi's TLS key file: the certificate first, then an RSA key in the traditional format the guide expects. */
function writeXapiPem(file: string, hostname: string): void {
  if (fs.existsSync(file)) return;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = fs.mkdtempSync(path.join(path.dirname(file), '.pem-'));
  try {
    const key = path.join(tmp, 'key.pem');
    const crt = path.join(tmp, 'crt.pem');
    execFileSync('openssl', ['genrsa', '-traditional', '-out', key, '2048'], { stdio: 'ignore' });
    execFileSync('openssl', ['req', '-new', '-x509', '-key', key, '-subj', `/CN=${hostname}`, '-days', '3650', '-out', crt], { stdio: 'ignore' });
    fs.writeFileSync(file, fs.readFileSync(crt, 'utf8') + fs.readFileSync(key, 'utf8'), { mode: 0o600 });
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

/** Boot files of an XCP-ng dom0: kernel, Xen, initrd and the -xen symlinks the bootloader config names. */
function writeBootFiles(root: string, dom0: Dom0State): void {
  const boot = path.join(root, 'boot');
  const short = dom0.kernel.replace(/\.0\+\d+$/, '');
  const files: Record<string, string> = {
    [`vmlinuz-${dom0.kernel}`]: 'lab simulator: dom0 kernel image placeholder\n',
    [`initrd-${dom0.kernel}.img`]: '# lab simulator stand-in for an initramfs image\n',
    'xen-4.17.5-3.gz': 'lab simulator: Xen hypervisor placeholder\n',
  };
  for (const [name, content] of Object.entries(files)) if (!fs.existsSync(path.join(boot, name))) writeInPlace(path.join(boot, name), content);
  const links: Record<string, string> = { [`vmlinuz-${short}-xen`]: `vmlinuz-${dom0.kernel}`, [`initrd-${short}-xen.img`]: `initrd-${dom0.kernel}.img`, 'xen.gz': 'xen-4.17.5-3.gz' };
  for (const [link, target] of Object.entries(links)) {
    fs.rmSync(path.join(boot, link), { force: true });
    fs.symlinkSync(target, path.join(boot, link));
  }
}

/**
 * Lays out a server's working directory for a scenario: state, argv log, the master's dom0 files and the
 * stand-in launchers. Keeps ssh/ (keys) so a reset keeps the host identity.
 */
export function prepareSimDir(dir: string, scenario: string, opts: { delayMs?: number } = {}): SimPaths {
  const paths = simPaths(dir);
  fs.mkdirSync(paths.dir, { recursive: true, mode: 0o755 });
  fs.chmodSync(paths.dir, 0o755);
  for (const d of [paths.varDir]) {
    fs.mkdirSync(d, { recursive: true });
    // Every login user runs xe: state, lock and log must be writable by all of them.
    fs.chmodSync(d, 0o777);
  }
  // Every folder the namespace bind-mounts must exist, whatever the scenario puts in it (large-pool has no /root files).
  for (const d of [paths.bin, paths.root, paths.ns, paths.home, ...['proc', 'etc', 'opt', 'root', 'boot'].map((d) => path.join(paths.root, d))]) fs.mkdirSync(d, { recursive: true });
  const built = loadScenario(scenario);
  if (opts.delayMs !== undefined) built.state.delayMs = opts.delayMs;
  new StateStore(paths).write(built.state);
  fs.writeFileSync(paths.argvLogFile, '', { mode: 0o666 });
  fs.chmodSync(paths.argvLogFile, 0o666);
  for (const d of built.dirs) fs.mkdirSync(path.join(paths.root, d), { recursive: true });
  for (const [file, content] of Object.entries(built.files)) writeInPlace(path.join(paths.root, file), content);
  const master = masterOf(built.state);
  const dom0 = master?.['_dom0'] as Dom0State | undefined;
  if (!master || !dom0) throw new Error(`scenario ${scenario} has no pool master`);
  writeBootFiles(paths.root, dom0);
  syncHostFiles(paths, dom0);
  writeXapiPem(path.join(paths.root, 'etc', 'xensource', 'xapi-ssl.pem'), String(master['hostname']));
  writeLaunchers(paths);
  return paths;
}
