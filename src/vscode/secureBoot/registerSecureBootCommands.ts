import * as vscode from 'vscode';
import type { PoolMonitor } from '../../core/lab/poolMonitor';
import type { OperationLocks } from '../../core/ops/operationLocks';
import { runDom0Command } from '../../core/ops/runDom0Command';
import { installPoolCertificates, type CertificatePlan, type LocalSource } from '../../core/ops/secureBoot/installPoolCertificates';
import { hostsOutOfStep, parseSecurebootReport, type SecurebootReport } from '../../core/ops/secureBoot/parseSecurebootReport';
import { resetVmCertificates } from '../../core/ops/secureBoot/resetVmCertificates';
import { certificatesReportArgv, DEFAULT_CERTIFICATES } from '../../core/ops/secureBoot/secureBootArgv';
import type { SecureBootVerdict } from '../../core/ops/secureBoot/secureBootVerdict';
import { setVmSecureBoot } from '../../core/ops/secureBoot/setVmSecureBoot';
import { registerCommand } from '../commands/registerCommand';
import { withCancellableProgress } from '../commands/withCancellableProgress';
import type { Lab } from '../lab/lab';
import type { ModalConfirm } from '../modalConfirm';
import type { ExplorerNode, VmNode } from '../tree/explorerNode';
import type { ExplorerProvider } from '../tree/explorerProvider';
import type { SecureBootVerdicts } from './secureBootVerdicts';

/**
 * Guest UEFI Secure Boot, from the seed guide: the pool's certificates (report, install) and, per UEFI VM,
 * enable/disable and a certificate reset. The verdicts shown in the tree and details come from `verdicts`.
 */
export function registerSecureBootCommands(
  log: vscode.LogOutputChannel,
  lab: Lab,
  explorer: ExplorerProvider,
  confirm: ModalConfirm,
  locks: OperationLocks,
  verdicts: SecureBootVerdicts,
): vscode.Disposable[] {
  explorer.vmSecureBoot = verdicts;
  const vmRequest = async (clicked: ExplorerNode | undefined, title: string) => {
    const node = clicked?.kind === 'vm' ? clicked : await pickUefiVm(lab, explorer, title);
    if (!node) return undefined;
    const monitor = lab.monitor(node.poolId);
    if (!monitor?.snapshot) throw new Error('Pick a VM of a loaded pool in the XCP-ng view.');
    const name = monitor.snapshot.vms.find((v) => v.uuid === node.uuid)?.name ?? node.uuid;
    return { node, monitor, name, request: { exec: lab.connection(monitor.target), monitor, locks, confirm: confirm.confirm, vmUuid: node.uuid } };
  };
  const verdictAfter = async (node: VmNode, monitor: PoolMonitor): Promise<SecureBootVerdict | undefined> => {
    const vm = monitor.snapshot?.vms.find((v) => v.uuid === node.uuid);
    return vm && verdicts.read(node.poolId, vm);
  };
  const toggle = (id: string, on: boolean) =>
    registerCommand(log, id, async (clicked?: ExplorerNode) => {
      const target = await vmRequest(clicked, `${on ? 'Enable' : 'Disable'} Secure Boot on which VM?`);
      if (!target) return undefined;
      const vm = await withCancellableProgress(`${on ? 'Enable' : 'Disable'} Secure Boot on "${target.name}"`, (signal) =>
        setVmSecureBoot({ ...target.request, signal }, on),
      );
      const verdict = await verdictAfter(target.node, target.monitor);
      log.info(`Secure Boot ${on ? 'enabled' : 'disabled'} on "${vm.name}" (platform:secureboot=${vm.platform.get('secureboot') ?? ''}): ${verdict?.label ?? ''}`);
      void vscode.window.showInformationMessage(
        `Secure Boot ${on ? 'enabled' : 'disabled'} on "${vm.name}"; it applies from the next boot. ${verdict ? `Now: ${verdict.label}.` : ''}`,
      );
      return verdict;
    });

  return [
    registerCommand(log, 'xcpng.pool.secureBootReport', async (clicked?: ExplorerNode): Promise<SecurebootReport | undefined> => {
      const monitor = await poolMonitor(lab, clicked);
      if (!monitor) return undefined;
      const text = await runDom0Command(lab.connection(monitor.target), certificatesReportArgv(), 'read the Secure Boot certificate report');
      const report = parseSecurebootReport(text);
      verdicts.notePoolReport(monitor.target.id, report);
      await vscode.window.showTextDocument(await vscode.workspace.openTextDocument({ language: 'plaintext', content: text }), { preview: false });
      const behind = hostsOutOfStep(report);
      const summary = report.pool.certificates.length
        ? `Pool certificates: ${report.pool.certificates.join(', ')}${report.pool.certificates.includes('dbx') ? '' : ' (no dbx)'}`
        : 'The pool has no Secure Boot certificates: Secure Boot VMs stay in setup mode. Use Install Secure Boot Certificates.';
      const hosts = behind.length ? ` ${behind.length} host(s) differ from the pool.` : '';
      log.info(`Secure Boot report for ${monitor.target.name}: ${summary}.${hosts}`);
      void vscode.window.showInformationMessage(`${summary}.${hosts}`);
      return report;
    }),
    registerCommand(log, 'xcpng.pool.installSecureBootCerts', async (clicked?: ExplorerNode, given?: CertificatePlan) => {
      const monitor = await poolMonitor(lab, clicked);
      if (!monitor) return undefined;
      const plan = given ?? (await pickPlan());
      if (!plan) return undefined;
      const connection = lab.connection(monitor.target);
      const result = await withCancellableProgress(`Install Secure Boot certificates on ${monitor.target.name}`, (signal) =>
        installPoolCertificates({
          exec: connection,
          sftp: () => connection.sftp({ signal }),
          monitor,
          locks,
          confirm: confirm.confirm,
          plan,
          signal,
        }),
      );
      verdicts.notePoolReport(monitor.target.id, result.report);
      log.info(`Secure Boot certificates installed on ${monitor.target.name}:\n${result.output}`);
      void vscode.window.showInformationMessage(
        `Installed ${result.report.pool.certificates.join(', ')} on ${monitor.target.name}. VMs that already booted keep their old certificates until reset.`,
      );
      return result;
    }),
    toggle('xcpng.vm.enableSecureBoot', true),
    toggle('xcpng.vm.disableSecureBoot', false),
    registerCommand(log, 'xcpng.vm.resetSecureBootCerts', async (clicked?: ExplorerNode) => {
      const target = await vmRequest(clicked, 'Reset the Secure Boot certificates of which VM?');
      if (!target) return undefined;
      const nvram = await withCancellableProgress(`Reset Secure Boot certificates of "${target.name}"`, (signal) =>
        resetVmCertificates({ ...target.request, signal, poolId: target.node.poolId, nvram: verdicts.nvram }),
      );
      const verdict = await verdictAfter(target.node, target.monitor);
      log.info(`Secure Boot certificates of "${target.name}" reset; NVRAM variables left: ${nvram.variables.length}; ${verdict?.label ?? ''}`);
      void vscode.window.showInformationMessage(`"${target.name}" is in setup mode; it takes the pool's certificates at its next boot.`);
      explorer.refreshVm(target.node);
      return verdict;
    }),
  ];
}

async function poolMonitor(lab: Lab, clicked: ExplorerNode | undefined): Promise<PoolMonitor | undefined> {
  const loaded = lab.monitors.filter((m) => m.snapshot);
  if (clicked) {
    const monitor = lab.monitor(clicked.poolId);
    if (!monitor?.snapshot) throw new Error('The pool is not loaded yet; expand it in the XCP-ng view.');
    return monitor;
  }
  if (loaded.length === 0) throw new Error('No pool is loaded. Open the XCP-ng view to load your pools.');
  if (loaded.length === 1) return loaded[0];
  const picked = await vscode.window.showQuickPick(loaded.map((m) => ({ label: m.target.name, monitor: m })), { title: 'Which pool?' });
  return picked?.monitor;
}

async function pickUefiVm(lab: Lab, explorer: ExplorerProvider, title: string): Promise<VmNode | undefined> {
  const items = lab.monitors.flatMap((monitor) =>
    (monitor.snapshot?.vms ?? [])
      .filter((vm) => vm.hvmBootParams.get('firmware') === 'uefi')
      .map((vm) => ({ label: vm.name, description: `${vm.powerState} · ${monitor.target.name}`, detail: vm.uuid, node: explorer.nodeFor(monitor.target.id, 'vm', vm.uuid) })),
  );
  if (items.length === 0) throw new Error('No UEFI VM in a loaded pool. Open the XCP-ng view to load your pools.');
  return (await vscode.window.showQuickPick(items, { title, matchOnDescription: true, matchOnDetail: true }))?.node;
}

/** The three ways the guide installs certificates; custom asks for each slot. */
async function pickPlan(): Promise<CertificatePlan | undefined> {
  const choice = await vscode.window.showQuickPick(
    [
      { label: 'Default certificates', detail: 'XCP-ng PK, Microsoft KEK and db, latest UEFI dbx', id: 'defaults' },
      { label: 'Default certificates without dbx', detail: 'Renders Secure Boot close to useless until a dbx is installed', id: 'nodbx' },
      { label: 'Custom .auth files…', detail: 'Pick a file or the default for each of PK, KEK, db and dbx', id: 'custom' },
    ],
    { title: 'Install Secure Boot certificates' },
  );
  if (!choice) return undefined;
  if (choice.id === 'defaults') return DEFAULT_CERTIFICATES;
  if (choice.id === 'nodbx') return { ...DEFAULT_CERTIFICATES, dbx: { kind: 'none' } };
  const slot = async (name: 'PK' | 'KEK' | 'db'): Promise<LocalSource | undefined> => {
    const picked = await vscode.window.showQuickPick([{ label: 'default', id: 'default' }, { label: 'Choose a .auth file…', id: 'file' }], { title: `${name} certificate` });
    if (!picked) return undefined;
    if (picked.id === 'default') return { kind: 'default' };
    const file = await pickFile(name);
    return file ? { kind: 'local', localPath: file } : undefined;
  };
  const PK = await slot('PK');
  const KEK = PK && (await slot('KEK'));
  const db = KEK && (await slot('db'));
  if (!PK || !KEK || !db) return undefined;
  const dbxPick = await vscode.window.showQuickPick(
    [
      { label: 'latest', detail: 'The current UEFI revocation list', id: 'latest' },
      { label: 'none', detail: 'No dbx: Secure Boot is close to useless until one is installed', id: 'none' },
      { label: 'Choose a file…', detail: 'A custom .auth or an archived dbxupdate_x64.bin', id: 'file' },
    ],
    { title: 'dbx (revocation list)' },
  );
  if (!dbxPick) return undefined;
  if (dbxPick.id === 'file') {
    const file = await pickFile('dbx');
    return file ? { PK, KEK, db, dbx: { kind: 'local', localPath: file } } : undefined;
  }
  return { PK, KEK, db, dbx: { kind: dbxPick.id === 'none' ? 'none' : 'latest' } };
}

async function pickFile(slot: string): Promise<string | undefined> {
  const uris = await vscode.window.showOpenDialog({
    title: `${slot} file`,
    canSelectMany: false,
    filters: { 'UEFI auth files': ['auth', 'bin'], 'All files': ['*'] },
  });
  return uris?.[0]?.fsPath;
}
