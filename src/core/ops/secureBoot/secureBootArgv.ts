import type { HostVersion } from '../../lab/labModel';
import { isXeUuid } from '../../xe/xeCommand';

/** What one certificate slot of `secureboot-certs install` gets: the keyword, or a path on the host. */
export type CertificateSource = { readonly kind: 'default' } | { readonly kind: 'file'; readonly path: string };
export type DbxSource = { readonly kind: 'latest' } | { readonly kind: 'none' } | { readonly kind: 'file'; readonly path: string };

/** The four arguments of `secureboot-certs install`, in its order. */
export interface CertificateSlots<Source, Dbx> {
  readonly PK: Source;
  readonly KEK: Source;
  readonly db: Source;
  readonly dbx: Dbx;
}

export type CertificateChoice = CertificateSlots<CertificateSource, DbxSource>;

/** The guide's "default default default latest". */
export const DEFAULT_CERTIFICATES = {
  PK: { kind: 'default' }, KEK: { kind: 'default' }, db: { kind: 'default' }, dbx: { kind: 'latest' },
} as const satisfies CertificateChoice;

function vmUuid(uuid: string): string {
  if (!isXeUuid(uuid)) throw new RangeError(`not a VM uuid: ${JSON.stringify(uuid)}`);
  return uuid;
}

function slot(source: CertificateSource | DbxSource): string {
  if (source.kind !== 'file') return source.kind;
  // A path starting with '-' would be read as an option by argparse.
  if (!source.path.startsWith('/')) throw new RangeError(`certificate paths on the host must be absolute: ${JSON.stringify(source.path)}`);
  return source.path;
}

export function certificatesReportArgv(): string[] {
  return ['secureboot-certs', 'report'];
}

/**
 * `secureboot-certs install`. On 8.3 the tool takes no arguments for the defaults; 8.2's argparse needs all
 * four, so every other case (and every other release) spells them out, which 8.3 accepts as well.
 */
export function installCertificatesArgv(version: Pick<HostVersion, 'release'>, choice: CertificateChoice): string[] {
  const values = [slot(choice.PK), slot(choice.KEK), slot(choice.db), slot(choice.dbx)];
  const defaults = values.join(' ') === 'default default default latest';
  return version.release === '8.3' && defaults ? ['secureboot-certs', 'install'] : ['secureboot-certs', 'install', ...values];
}

export function varstoreLsArgv(uuid: string): string[] {
  return ['varstore-ls', vmUuid(uuid)];
}

/** `setup` wipes PK, KEK, db and dbx from the VM's NVRAM; the VM takes the pool's certificates at its next boot. */
export function resetCertificatesArgv(uuid: string): string[] {
  return ['varstore-sb-state', vmUuid(uuid), 'setup'];
}
