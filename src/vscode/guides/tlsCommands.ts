import * as vscode from 'vscode';
import { csrArgv, parseCertificateInfo, showCertificateArgv, type CertificateInfo } from '../../core/ops/guides/tlsCertificate';
import type { Argv } from '../../core/ops/runbook/runbook';
import { quoteArgv } from '../../core/ssh/quoteArgv';
import type { Lab } from '../lab/lab';
import type { ExplorerNode } from '../tree/explorerNode';
import { installServerCertificate, type CertificateFiles, type InstallCertificateResult } from '../../core/ops/guides/installServerCertificate';
import type { ModalConfirm } from '../modalConfirm';

/**
 * The read-only half of the TLS guide: a CSR from the host's key, and the installed certificate's details.
 * Both run openssl on the host the pool's connection reaches (the master), so they refuse other hosts.
 */
function masterOf(lab: Lab, node: ExplorerNode | undefined) {
  if (!node || node.kind !== 'host') throw new Error('Run this from a host in the XCP-ng view.');
  const monitor = lab.monitor(node.poolId);
  const host = monitor?.snapshot?.hosts.find((h) => h.uuid === node.uuid);
  if (!monitor || !host) throw new Error('The host is no longer in the pool.');
  if (!host.isMaster) throw new Error(`${host.name} is not the pool master, and the extension's connection runs openssl on the master.`);
  return { monitor, host };
}

async function onMaster(lab: Lab, log: vscode.LogOutputChannel, node: ExplorerNode | undefined, argvFor: (hostname: string) => Argv): Promise<string> {
  const { monitor, host } = masterOf(lab, node);
  const argv = argvFor(host.hostname || host.name);
  log.info(`TLS on ${host.name}: $ ${quoteArgv(argv)}`);
  const result = await lab.connection(monitor.target).exec(argv);
  if (result.code !== 0) throw new Error(`openssl exited with ${String(result.code)}: ${result.stderr.trim()}`);
  return result.stdout;
}

export async function createCsr(lab: Lab, log: vscode.LogOutputChannel, node?: ExplorerNode): Promise<string> {
  const csr = await onMaster(lab, log, node, csrArgv);
  await vscode.window.showTextDocument(await vscode.workspace.openTextDocument({ language: 'plaintext', content: csr }), { preview: false });
  return csr;
}

export async function showCertificate(lab: Lab, log: vscode.LogOutputChannel, node?: ExplorerNode): Promise<CertificateInfo> {
  const info = parseCertificateInfo(await onMaster(lab, log, node, () => showCertificateArgv()));
  log.info(`TLS certificate: subject ${info.subject}; SHA-256 ${info.fingerprint}; expires ${info.notAfter}`);
  void vscode.window.showInformationMessage(`Certificate ${info.subject}, expires ${info.notAfter}. SHA-256 ${info.fingerprint}`);
  return info;
}

/** Local files for the install; tests (and scripts) name them, a person picks them. */
export interface CertificatePaths {
  readonly certificate: string;
  readonly privateKey: string;
  readonly chain?: string;
}

async function pickFile(title: string, optional: boolean): Promise<string | undefined | null> {
  const picked = await vscode.window.showOpenDialog({ title, canSelectMany: false, openLabel: optional ? 'Use as Chain' : 'Select', filters: { 'PEM files': ['pem', 'crt', 'cer', 'key'], 'All files': ['*'] } });
  if (picked?.[0]) return picked[0].fsPath;
  return optional ? null : undefined;
}

async function pickCertificatePaths(): Promise<CertificatePaths | undefined> {
  const certificate = await pickFile('Server certificate (PEM)', false);
  if (!certificate) return undefined;
  const privateKey = await pickFile('Its private key (PEM, unencrypted)', false);
  if (!privateKey) return undefined;
  const chain = await pickFile('Intermediate certificates (optional: cancel for none)', true);
  return { certificate, privateKey, ...(chain ? { chain } : {}) };
}

async function readLocal(file: string): Promise<string> {
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.file(file)));
}

/** The install half: 8.2+ only, on the master, confirmed, uploaded privately and verified by reading it back. */
export async function installCertificate(
  lab: Lab,
  log: vscode.LogOutputChannel,
  confirm: ModalConfirm,
  node?: ExplorerNode,
  given?: CertificatePaths,
): Promise<InstallCertificateResult | undefined> {
  const { monitor, host } = masterOf(lab, node);
  const paths = given ?? (await pickCertificatePaths());
  if (!paths) return undefined;
  const files: CertificateFiles = {
    certificate: await readLocal(paths.certificate),
    privateKey: await readLocal(paths.privateKey),
    ...(paths.chain ? { chain: await readLocal(paths.chain) } : {}),
  };
  const connection = lab.connection(monitor.target);
  const result = await installServerCertificate(
    { exec: connection, sftp: () => connection.sftp(), confirm: confirm.confirm, log: (line) => log.info(`TLS install on ${host.name}: ${line}`) },
    host,
    files,
  );
  if (!result) return undefined;
  log.info(`TLS certificate installed on ${host.name}: subject ${result.installed.subject}; SHA-256 ${result.installed.fingerprint}`);
  void vscode.window.showInformationMessage(`${host.name} now serves ${result.installed.subject}, expires ${result.installed.notAfter}.`);
  return result;
}
