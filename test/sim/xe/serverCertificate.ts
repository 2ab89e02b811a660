import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { masterOf, type SimRecord } from '../state/simState';
import { hostPath, type SimPaths } from '../state/simPaths';
import { selectHosts } from './hostOperations';
import { apiError, clientError } from './xeFailure';
import type { XeRun } from './xeRun';

/** Where xapi keeps the host's key and certificates (one PEM file). */
export const XAPI_SSL_PEM = '/etc/xensource/xapi-ssl.pem';

/** The ASN.1 OID xapi names in SERVER_CERTIFICATE_KEY_ALGORITHM_NOT_SUPPORTED. */
const KEY_OIDS: Readonly<Record<string, string>> = { ec: '1.2.840.10045.2.1', ed25519: '1.3.101.112', dsa: '1.2.840.10040.4.1' };

const CERT_BLOCK = /-----BEGIN CERTIFICATE-----\r?\n[\s\S]*?-----END CERTIFICATE-----/g;

/**
 * The xe client reads each file on its own side (the thin CLI's `Load`) and sends the text; a file it
 * cannot read ends the call with `Failed to read <what>` and exit 1 before xapi sees anything.
 */
function readClientFile(paths: SimPaths, file: string, what: string): string {
  try {
    return fs.readFileSync(hostPath(paths, path.resolve(file)), 'utf8');
  } catch {
    throw clientError(`Failed to read ${what}`);
  }
}

/** ISO 8601 in UTC without fractions, as xapi's Ptime.to_rfc3339 ~tz_offset_s:0 prints it. */
function isoSeconds(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function parseCertificate(pem: string, code: string): crypto.X509Certificate {
  try {
    return new crypto.X509Certificate(pem);
  } catch {
    throw apiError(code);
  }
}

/**
 * xapi's validation order (certificates.ml): the key (PEM, RSA, 2048..4096 bits), then the server
 * certificate (PEM X509, matches the key, valid now), then each chain certificate (PEM X509).
 */
function validate(key: string, certificate: string, chain: string, now: Date): string[] {
  let privateKey: crypto.KeyObject;
  try {
    if (!/-----BEGIN (RSA |EC )?PRIVATE KEY-----/.test(key)) throw new Error('not PEM');
    privateKey = crypto.createPrivateKey(key);
  } catch {
    throw apiError('SERVER_CERTIFICATE_KEY_INVALID');
  }
  if (privateKey.asymmetricKeyType !== 'rsa') throw apiError('SERVER_CERTIFICATE_KEY_ALGORITHM_NOT_SUPPORTED', KEY_OIDS[privateKey.asymmetricKeyType ?? ''] ?? '');
  const bits = privateKey.asymmetricKeyDetails?.modulusLength ?? 0;
  if (bits < 2048 || bits > 4096) throw apiError('SERVER_CERTIFICATE_KEY_RSA_LENGTH_NOT_SUPPORTED', String(bits));
  const leafPem = certificate.match(CERT_BLOCK)?.[0];
  if (!leafPem) throw apiError('SERVER_CERTIFICATE_INVALID');
  const leaf = parseCertificate(leafPem, 'SERVER_CERTIFICATE_INVALID');
  if (!leaf.checkPrivateKey(privateKey)) throw apiError('SERVER_CERTIFICATE_KEY_MISMATCH');
  const notBefore = new Date(leaf.validFrom);
  const notAfter = new Date(leaf.validTo);
  if (now < notBefore) throw apiError('SERVER_CERTIFICATE_NOT_VALID_YET', isoSeconds(now), isoSeconds(notBefore));
  if (now > notAfter) throw apiError('SERVER_CERTIFICATE_EXPIRED', isoSeconds(now), isoSeconds(notAfter));
  const chainPems = chain.match(CERT_BLOCK) ?? [];
  if (chain.trim() !== '' && chainPems.length === 0) throw apiError('SERVER_CERTIFICATE_CHAIN_INVALID');
  for (const pem of chainPems) parseCertificate(pem, 'SERVER_CERTIFICATE_CHAIN_INVALID');
  return [key.trim(), leafPem, ...chainPems];
}

/**
 * `xe host-server-certificate-install certificate=<file> private-key=<file> [certificate-chain=<file>]`
 * on one host (do_host_op ~multiple:false). Prints nothing on success. The master's PEM file is rewritten
 * in place (key, certificate, chain, separated by an empty line), so openssl on the master reads the new
 * certificate; a member keeps its PEM in its record.
 */
export function hostServerCertificateInstall(run: XeRun, paths: SimPaths): void {
  const certificate = readClientFile(paths, run.params.get('certificate') ?? '', 'certificate');
  const key = readClientFile(paths, run.params.get('private-key') ?? '', 'private key');
  const chainFile = run.params.get('certificate-chain');
  const chain = chainFile === undefined ? '' : readClientFile(paths, chainFile, 'certificate chain');
  const hosts = selectHosts(run, new Set(['certificate', 'private-key', 'certificate-chain']), false);
  const host = hosts[0] as SimRecord;
  const pem = `${validate(key, certificate, chain, new Date()).join('\n\n')}\n`;
  if (host === masterOf(run.ctx.state)) {
    // In place: inside the server's namespace /etc is an overlay whose upper dir is this file's folder.
    fs.writeFileSync(hostPath(paths, XAPI_SSL_PEM), pem, { mode: 0o600 });
  } else {
    host['_xapiSslPem'] = pem;
  }
}
