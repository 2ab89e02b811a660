import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { CancelledError } from '../../errors';
import type { PoolMonitor } from '../../lab/poolMonitor';
import type { SFTPWrapper } from 'ssh2';
import { withPrivateUpload } from '../../remote/withPrivateUpload';
import type { RemoteExec } from '../../ssh/remoteExec';
import type { Confirm } from '../confirm';
import { OperationError } from '../operationError';
import type { OperationLocks } from '../operationLocks';
import { runDom0Command } from '../runDom0Command';
import { parseSecurebootReport, type SecurebootReport } from './parseSecurebootReport';
import type { SecureBootKey } from './parseVarstoreLs';
import { certificatesReportArgv, installCertificatesArgv, type CertificateChoice, type CertificateSlots } from './secureBootArgv';

/** A slot of the install as the user chose it: the keyword, or a .auth file on this machine. */
export type LocalSource = { readonly kind: 'default' } | { readonly kind: 'local'; readonly localPath: string };
export type LocalDbxSource = { readonly kind: 'latest' } | { readonly kind: 'none' } | { readonly kind: 'local'; readonly localPath: string };

export type CertificatePlan = CertificateSlots<LocalSource, LocalDbxSource>;

export interface InstallCertificatesRequest {
  readonly exec: RemoteExec;
  /** Opens an SFTP session on the same connection; only called when a slot names a local file. */
  readonly sftp: () => Promise<SFTPWrapper>;
  readonly monitor: PoolMonitor;
  readonly locks: OperationLocks;
  readonly confirm: Confirm;
  readonly plan: CertificatePlan;
  readonly signal?: AbortSignal;
}

export interface InstallCertificatesResult {
  readonly output: string;
  readonly report: SecurebootReport;
}

const SLOTS: readonly SecureBootKey[] = ['PK', 'KEK', 'db', 'dbx'];

/** The remote name of an uploaded file: the slot, with the local extension (`.auth`, or `.bin` for an archived dbx). */
function remoteName(slot: SecureBootKey, localPath: string): string {
  const ext = path.extname(localPath).toLowerCase();
  return `${slot}${/^\.[a-z0-9]{1,8}$/.test(ext) ? ext : '.auth'}`;
}

function choiceWith(plan: CertificatePlan, remote: (slot: SecureBootKey, localPath: string) => string): CertificateChoice {
  const pick = (slot: 'PK' | 'KEK' | 'db') => {
    const s = plan[slot];
    return s.kind === 'local' ? { kind: 'file' as const, path: remote(slot, s.localPath) } : s;
  };
  const dbx = plan.dbx.kind === 'local' ? { kind: 'file' as const, path: remote('dbx', plan.dbx.localPath) } : plan.dbx;
  return { PK: pick('PK'), KEK: pick('KEK'), db: pick('db'), dbx };
}

/** The guide's warnings for what the plan does to the dbx, and what every install implies for booted VMs. */
export function installWarnings(plan: CertificatePlan): string[] {
  const warnings: string[] = [];
  if (plan.dbx.kind === 'none') {
    warnings.push('No dbx: this renders Secure Boot close to useless from a security perspective until a dbx is installed later, on the pool or from the guest.');
  } else if (plan.dbx.kind === 'latest') {
    warnings.push('The latest dbx may reject binaries not yet re-signed with non-revoked signatures: make sure your guests\' boot loaders are up to date, or install an archived dbx file instead.');
  }
  warnings.push('VMs that have already booted keep their own copy of the certificates: reset them (Reset Secure Boot Certificates) to give them the new ones.');
  return warnings;
}

/**
 * `secureboot-certs install` on the pool master, for the whole pool. Local .auth files are first copied over
 * SFTP into a fresh private directory in /tmp, and removed afterwards whatever happens. The exact command is
 * shown in a modal first; the result is verified with `secureboot-certs report`.
 */
export async function installPoolCertificates(request: InstallCertificatesRequest): Promise<InstallCertificatesResult> {
  const verb = 'install Secure Boot certificates';
  const { monitor, plan } = request;
  const snapshot = monitor.snapshot;
  const master = snapshot?.hosts.find((h) => h.isMaster);
  if (!snapshot || !master) throw new OperationError(`cannot ${verb}: the pool is not loaded`, false);
  const locals = SLOTS.flatMap((slot) => {
    const s = plan[slot];
    return s.kind === 'local' ? [{ slot, localPath: s.localPath }] : [];
  });
  for (const { slot, localPath } of locals) {
    const stat = await fs.stat(localPath).catch(() => undefined);
    if (!stat?.isFile()) throw new OperationError(`cannot ${verb}: the ${slot} file ${localPath} does not exist or is not a file`, false);
  }
  const shown = installCertificatesArgv(master.version, choiceWith(plan, (slot, p) => `/tmp/…/${remoteName(slot, p)}`));
  const yes = await request.confirm({
    message: `Install Secure Boot certificates on pool "${snapshot.pool.name}"?`,
    detail: [
      `Runs on ${master.name}: ${shown.join(' ')}`,
      ...locals.map(({ slot, localPath }) => `${slot}: ${localPath} (copied to the host first, removed after)`),
      '',
      ...installWarnings(plan),
    ].join('\n'),
    action: 'Install Certificates',
  });
  if (!yes) throw new CancelledError();
  return request.locks.run(`pool:${monitor.target.id}`, verb, async () => {
    const install = async (dir: string): Promise<InstallCertificatesResult> => {
      const argv = installCertificatesArgv(master.version, choiceWith(plan, (slot, p) => `${dir}/${remoteName(slot, p)}`));
      const output = await runDom0Command(request.exec, argv, verb, { signal: request.signal });
      const report = parseSecurebootReport(await runDom0Command(request.exec, certificatesReportArgv(), 'read the certificate report', { signal: request.signal }));
      const expected = plan.dbx.kind === 'none' ? ['PK', 'KEK', 'db'] : ['PK', 'KEK', 'db', 'dbx'];
      const missing = expected.filter((name) => !report.pool.certificates.includes(name));
      if (missing.length) throw new OperationError(`${verb}: the tool reported success, but the pool lacks ${missing.join(', ')}`, true);
      return { output, report };
    };
    if (locals.length === 0) return install('');
    const uploads = await Promise.all(locals.map(async ({ slot, localPath }) => ({ name: remoteName(slot, localPath), data: await fs.readFile(localPath) })));
    const sftp = await request.sftp();
    try {
      return await withPrivateUpload(sftp, 'xcpng-lab-sb', uploads, (_paths, dir) => install(dir));
    } finally {
      sftp.end();
    }
  });
}
