import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { flavourOf, type Dom0State } from '../state/simState';
import { hexdumpC } from './hexdump';
import { fail, ok, type ToolEnv, type ToolResult } from './toolResult';

const URLS = {
  CA: 'https://www.microsoft.com/pkiops/certs/MicCorUEFCA2011_2011-06-27.crt',
  PCA: 'https://www.microsoft.com/pkiops/certs/MicWinProPCA2011_2011-10-19.crt',
  KEK: 'https://www.microsoft.com/pkiops/certs/MicCorKEKCA2011_2011-06-24.crt',
  dbx: 'https://uefi.org/sites/default/files/resources/dbxupdate_x64.bin',
};

const INSTALL_USAGE = 'usage: secureboot-certs install [-h] [--pk-priv PK_PRIV] PK KEK db dbx\n';
const TOP_USAGE = 'usage: secureboot-certs [-h] [--verbose] {install,clear,report,extract} ...\n';

/** A small, stable stand-in for the .auth file of one certificate. */
function authBytes(name: string): Buffer {
  return createHash('sha256').update(`lab-simulator ${name}.auth`).digest().subarray(0, 40);
}

function printCert(name: string, uuid: string, klass: string): string {
  const data = authBytes(name);
  const md5 = createHash('md5').update(data).digest('hex');
  const dump = hexdumpC(data).split('\n').filter((l) => l !== '').map((l) => `\t\t${l}\n`).join('');
  return `\tCertificate: ${name}.auth\n\t${klass}: ${uuid}\n\tAuth file md5: ${md5}\n\tData:\n${dump}\n`;
}

function certLine(names: string[]): string {
  return `\tCertificates (${names.length}): ${names.map((n) => `${n}.auth`).join(', ')}\n\n`;
}

function report(env: ToolEnv): ToolResult {
  const state = env.store.read();
  const poolCerts = (state.pool['_uefiCerts'] as string[] | undefined) ?? [];
  let out = '\nsecureboot-certs -- Report\n';
  out += `Certificate Info for pool: ${state.pool.uuid}):\n`;
  out += certLine(poolCerts);
  for (const n of poolCerts) out += printCert(n, state.pool.uuid, 'Pool');
  out += `Hosts(${state.hosts.length}): ${state.hosts.map((h) => h.uuid).join(', ')}\n`;
  for (const h of state.hosts) {
    const certs = (h['_dom0'] as Dom0State | undefined)?.uefiCerts ?? [];
    out += `Certificate Info for host: ${h.uuid}):\n`;
    out += certLine(certs);
    for (const n of certs) out += printCert(n, h.uuid, 'Host');
    out += '\n';
  }
  return ok(out);
}

function setCerts(env: ToolEnv, names: string[]): void {
  env.store.mutate((state) => {
    state.pool['_uefiCerts'] = names;
    for (const h of state.hosts) {
      const dom0 = h['_dom0'] as Dom0State | undefined;
      if (dom0) dom0.uefiCerts = [...names];
    }
  });
}

/** An existing file argument, relative to the caller's directory, looked up on the simulated host. */
function fileExists(env: ToolEnv, p: string): boolean {
  return fs.existsSync(path.isAbsolute(p) ? p : path.resolve(p)) || fs.existsSync(path.join(env.paths.root, p));
}

function install(env: ToolEnv, args: string[]): ToolResult {
  const flavour = flavourOf(env.store.read());
  let out = '';
  let values: string[];
  if (args.length === 0 && flavour === '8.3') {
    out += '\nNo arguments provided to command install, default arguments will be used:\n- PK: default\n- KEK: default\n- db: default\n- dbx: latest\n\n';
    values = ['default', 'default', 'default', 'latest'];
  } else if (args.length < 4) {
    return fail(`${INSTALL_USAGE}secureboot-certs install: error: too few arguments\n`, 2);
  } else {
    values = args.slice(0, 4);
  }
  const [pk = '', kek = '', db = '', dbx = ''] = values;
  const valid: Array<[string, string[]]> = [[pk, ['default']], [kek, ['default']], [db, ['default']], [dbx, ['latest', 'none']]];
  for (const [value, words] of valid) {
    if (!words.includes(value) && !fileExists(env, value)) return fail('', 1, `${out}error: file ${value} does not exist.\n`);
  }
  if (kek === 'default') out += `Downloading ${URLS.KEK}...\n`;
  if (db === 'default') out += `Downloading ${URLS.CA}...\nDownloading ${URLS.PCA}...\n`;
  if (dbx === 'latest') out += `Downloading ${URLS.dbx}...\n`;
  setCerts(env, dbx === 'none' ? ['PK', 'KEK', 'db'] : ['PK', 'KEK', 'db', 'dbx']);
  return ok(`${out}Successfully installed certificates to the XAPI DB for pool.\n`);
}

function clear(env: ToolEnv): ToolResult {
  const state = env.store.read();
  setCerts(env, []);
  const lines = state.hosts.map((h) => `Cleared certificates from XAPI DB for host ${h.uuid}.\n`);
  return ok(lines.join('') + `Cleared certificates from XAPI DB for pool ${state.pool.uuid}.\n`);
}

/** `secureboot-certs install|report|clear`: the pool's UEFI certificates live in the simulated xapi DB. */
export function securebootCertsTool(env: ToolEnv, args: readonly string[]): ToolResult {
  const [action, ...rest] = args.filter((a) => a !== '--verbose');
  switch (action) {
    case 'install': return install(env, rest);
    case 'report': return report(env);
    case 'clear': return clear(env);
    default: return fail(`${TOP_USAGE}secureboot-certs: error: ${action === undefined ? 'too few arguments' : `invalid choice: '${action}' (choose from 'install', 'clear', 'report', 'extract')`}\n`, 2);
  }
}
