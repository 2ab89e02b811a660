/** The certificates one xapi DB entry (the pool's or a host's) holds, by name: `PK`, `KEK`, `db`, `dbx`. */
export interface CertificateHolder {
  readonly uuid: string;
  readonly certificates: readonly string[];
}

export interface SecurebootReport {
  readonly pool: CertificateHolder;
  readonly hosts: readonly CertificateHolder[];
}

const HOLDER = /^Certificate Info for (pool|host): ([0-9a-f-]+)\)?:$/;
const LIST = /^\tCertificates \((\d+)\):(.*)$/;

/**
 * Reads `secureboot-certs report`: per pool and host, the `.auth` files in its xapi DB entry, named without
 * the extension. The per-certificate hex dumps are skipped. Throws when the pool's block is missing, since
 * then the text is not a report (an error, or another tool's output).
 */
export function parseSecurebootReport(stdout: string): SecurebootReport {
  let pool: CertificateHolder | undefined;
  const hosts: CertificateHolder[] = [];
  let current: { kind: string; uuid: string } | undefined;
  for (const line of stdout.split('\n')) {
    const holder = HOLDER.exec(line);
    if (holder) {
      current = { kind: holder[1] ?? '', uuid: holder[2] ?? '' };
      continue;
    }
    const list = LIST.exec(line);
    if (!list || !current) continue;
    const certificates = (list[2] ?? '')
      .split(',')
      .map((name) => name.trim().replace(/\.auth$/, ''))
      .filter((name) => name !== '');
    if (certificates.length !== Number(list[1])) {
      throw new Error(`secureboot-certs report: "${line.trim()}" counts ${list[1] ?? '?'} certificates but names ${certificates.length}`);
    }
    const entry = { uuid: current.uuid, certificates };
    if (current.kind === 'pool') pool = entry;
    else hosts.push(entry);
    current = undefined;
  }
  if (!pool) throw new Error('secureboot-certs report printed no "Certificate Info for pool" block');
  return { pool, hosts };
}

/** Hosts whose certificates differ from the pool's: xapi copies them at VM start, so a difference shows a host that was not updated. */
export function hostsOutOfStep(report: SecurebootReport): CertificateHolder[] {
  const want = [...report.pool.certificates].sort().join(',');
  return report.hosts.filter((h) => [...h.certificates].sort().join(',') !== want);
}
