import * as vscode from 'vscode';
import { csrArgv, parseCertificateInfo, showCertificateArgv, type CertificateInfo } from '../../core/ops/guides/tlsCertificate';
import type { Argv } from '../../core/ops/runbook/runbook';
import { quoteArgv } from '../../core/ssh/quoteArgv';
import type { Lab } from '../lab/lab';
import type { ExplorerNode } from '../tree/explorerNode';

/**
 * The read-only half of the TLS guide: a CSR from the host's key, and the installed certificate's details.
 * Both run openssl on the host the pool's connection reaches (the master), so they refuse other hosts.
 */
async function onMaster(lab: Lab, log: vscode.LogOutputChannel, node: ExplorerNode | undefined, argvFor: (hostname: string) => Argv): Promise<string> {
  if (!node || node.kind !== 'host') throw new Error('Run this from a host in the XCP-ng view.');
  const monitor = lab.monitor(node.poolId);
  const host = monitor?.snapshot?.hosts.find((h) => h.uuid === node.uuid);
  if (!monitor || !host) throw new Error('The host is no longer in the pool.');
  if (!host.isMaster) throw new Error(`${host.name} is not the pool master, and the extension's connection runs openssl on the master.`);
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
