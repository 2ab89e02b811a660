import type { Argv } from '../runbook/runbook';

/** Where xapi keeps its TLS key and certificate (both in one PEM file). */
export const XAPI_PEM = '/etc/xensource/xapi-ssl.pem';

/**
 * A CSR from the host's own key, printed on stdout, for a CA to sign. The host name becomes the subject's CN;
 * it travels as one argv element, and anything that is not a DNS name is refused (a '/' would add RDNs).
 */
export function csrArgv(hostname: string): Argv {
  if (!/^[A-Za-z0-9](?:[A-Za-z0-9.-]{0,252})$/.test(hostname)) throw new RangeError(`not a host name: ${JSON.stringify(hostname)}`);
  return ['openssl', 'req', '-new', '-key', XAPI_PEM, '-subj', `/CN=${hostname}`];
}

/** The installed certificate's subject, SHA-256 fingerprint and expiry. */
export function showCertificateArgv(): Argv {
  return ['openssl', 'x509', '-in', XAPI_PEM, '-noout', '-subject', '-fingerprint', '-sha256', '-enddate'];
}

export interface CertificateInfo {
  readonly subject: string;
  readonly fingerprint: string;
  readonly notAfter: string;
}

/** Reads `openssl x509 -noout -subject -fingerprint -sha256 -enddate` output (OpenSSL 1.x and 3.x spellings). */
export function parseCertificateInfo(stdout: string): CertificateInfo {
  const field = (pattern: RegExp): string => pattern.exec(stdout)?.[1]?.trim() ?? '';
  return {
    subject: field(/^subject\s*=\s*(.*)$/im),
    fingerprint: field(/^(?:sha256 )?fingerprint\s*=\s*(.*)$/im),
    notAfter: field(/^notAfter\s*=\s*(.*)$/im),
  };
}
