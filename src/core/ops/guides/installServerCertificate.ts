import { X509Certificate } from 'node:crypto';
import type { SFTPWrapper } from 'ssh2';
import type { HostVersion } from '../../lab/labModel';
import type { RemoteExec } from '../../ssh/remoteExec';
import { withPrivateUpload } from '../../remote/withPrivateUpload';
import { runXe } from '../../xe/runXe';
import { ignoreOutput, uuidArg, xeCommand, type XeCommand } from '../../xe/xeCommand';
import type { Confirm } from '../confirm';
import { describeXeFailure } from '../describeXeFailure';
import { OperationError } from '../operationError';
import { parseCertificateInfo, showCertificateArgv, XAPI_PEM, type CertificateInfo } from './tlsCertificate';

/** The PEM texts the user picked on this machine; the chain is optional. */
export interface CertificateFiles {
  readonly certificate: string;
  readonly privateKey: string;
  readonly chain?: string;
}

/** Where the files sit on the host while xe reads them. */
export interface UploadedFiles {
  readonly certificate: string;
  readonly privateKey: string;
  readonly chain?: string;
}

/**
 * `xe host-server-certificate-install` arrived with 8.2 (xapi's user-installable certificates). Before it
 * the guide's own method is the only one: refuse with it rather than guess.
 */
export function assertCertificateInstallSupported(version: HostVersion, hostName: string): void {
  const { major, minor } = version;
  if (major === null || minor === null) {
    throw new OperationError(`${hostName} did not report its version (software-version:product_version), so the install method cannot be chosen.`, false);
  }
  if (major < 8 || (major === 8 && minor < 2)) {
    throw new OperationError(
      `${hostName} runs XCP-ng ${version.product ?? `${major}.${minor}`}, which has no xe host-server-certificate-install (it came with 8.2). ` +
        `There the guide's method applies: in ${XAPI_PEM} replace everything before the private key with the certificate and its chain, then restart xapi.`,
      false,
    );
  }
}

/** The install command: the host by uuid (xe acts on one host only), the files by their paths on the host. */
export function installCertificateCommand(hostUuid: string, files: UploadedFiles): XeCommand<void> {
  const args = ['host-server-certificate-install', uuidArg('uuid', hostUuid), `certificate=${files.certificate}`, `private-key=${files.privateKey}`];
  if (files.chain !== undefined) args.push(`certificate-chain=${files.chain}`);
  return xeCommand(args, ignoreOutput);
}

/** The picked certificate as this machine reads it: what the confirmation shows and the verification compares. */
export function describeLocalCertificate(pem: string): CertificateInfo {
  let cert: X509Certificate;
  try {
    cert = new X509Certificate(pem);
  } catch {
    throw new OperationError('The certificate file is not a PEM certificate (-----BEGIN CERTIFICATE-----).', false);
  }
  return { subject: cert.subject.split('\n').join(', '), fingerprint: cert.fingerprint256, notAfter: cert.validTo };
}

export interface InstallCertificateContext {
  readonly exec: RemoteExec;
  readonly sftp: () => Promise<SFTPWrapper>;
  readonly confirm: Confirm;
  readonly log?: (line: string) => void;
}

export interface InstallCertificateResult {
  readonly installed: CertificateInfo;
  readonly argv: readonly string[];
}

/**
 * Installs a certificate on the pool master: confirm, upload the three files over SFTP into a fresh
 * private folder (withPrivateUpload), run xe with their paths, always remove them, then re-read the
 * installed certificate and compare its SHA-256 fingerprint with the picked one.
 */
export async function installServerCertificate(
  ctx: InstallCertificateContext,
  host: { readonly uuid: string; readonly name: string; readonly version: HostVersion },
  files: CertificateFiles,
): Promise<InstallCertificateResult | undefined> {
  assertCertificateInstallSupported(host.version, host.name);
  const local = describeLocalCertificate(files.certificate);
  const yes = await ctx.confirm({
    message: `Install the TLS certificate ${local.subject} on ${host.name}?`,
    detail:
      `SHA-256 ${local.fingerprint}, expires ${local.notAfter}${files.chain ? ', with its chain' : ''}. ` +
      'xapi starts serving it at once: clients that pinned the old certificate (Xen Orchestra, XCP-ng Center) must trust the new one. ' +
      'The key and certificates are uploaded to a private temporary folder on the host and removed afterwards.',
    action: 'Install Certificate',
  });
  if (!yes) return undefined;

  const uploads = [
    { name: 'certificate.pem', data: files.certificate },
    { name: 'private-key.pem', data: files.privateKey },
    ...(files.chain !== undefined ? [{ name: 'chain.pem', data: files.chain }] : []),
  ];
  const sftp = await ctx.sftp();
  let argv: readonly string[];
  try {
    argv = await withPrivateUpload(sftp, 'xcpng-tls', uploads, async ([certificate, privateKey, chain]) => {
      const command = installCertificateCommand(host.uuid, {
        certificate: certificate as string,
        privateKey: privateKey as string,
        ...(chain !== undefined ? { chain } : {}),
      });
      ctx.log?.(`$ ${command.argv.join(' ')}`);
      await runXe(ctx.exec, command).catch((error: unknown) => {
        throw new OperationError(describeXeFailure(error, `install the certificate on ${host.name}`), true, { cause: error });
      });
      return command.argv;
    });
  } finally {
    sftp.end();
  }

  const shown = await ctx.exec.exec(showCertificateArgv());
  if (shown.code !== 0) throw new OperationError(`installed, but the certificate cannot be read back: ${shown.stderr.trim()}`, true);
  const installed = parseCertificateInfo(shown.stdout);
  if (installed.fingerprint.replace(/:/g, '').toUpperCase() !== local.fingerprint.replace(/:/g, '').toUpperCase()) {
    throw new OperationError(`xe accepted the certificate, but ${host.name} still serves SHA-256 ${installed.fingerprint}`, true);
  }
  return { installed, argv };
}
