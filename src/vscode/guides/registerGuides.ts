import * as vscode from 'vscode';
import { GUIDES, type GuideId } from '../../core/ops/guides/guides';
import { recommendDom0Memory } from '../../core/ops/guides/recommendDom0Memory';
import { routerVifDrift } from '../../core/ops/guides/routerVifDrift';
import type { OperationLocks } from '../../core/ops/operationLocks';
import { registerCommand } from '../commands/registerCommand';
import type { Lab } from '../lab/lab';
import type { ModalConfirm } from '../modalConfirm';
import type { ExplorerNode } from '../tree/explorerNode';
import type { ExplorerProvider } from '../tree/explorerProvider';
import { checkNestedKvm } from './checkNestedKvm';
import { CODE_LENS_SETTING, GUIDE_LENS_SELECTOR, GuideCodeLensProvider } from './guideCodeLensProvider';
import { openGuide, openGuideSection } from './openGuide';
import { runHostAction, type HostActionOptions } from './runHostAction';
import { createCsr, installCertificate, showCertificate, type CertificatePaths } from './tlsCommands';
import { copyGuideBlock, runGuideBlock, type BlockRunOptions } from './runGuideBlock';
import { toGuideRef, type GuideRef } from './guideRef';
import { pickGuideTarget } from './pickGuideTarget';
import { RunbooksProvider } from './runbooksProvider';
import { guideScript, runGuide, verifyGuide, type GuideServices } from './runGuide';
import { WorkspaceRunbookJournal } from './workspaceRunbookJournal';

/** Which tree node kind starts which guide from its context menu. */
const TREE_GUIDES: Record<string, GuideId> = {
  'xcpng.guide.routerVm': 'routerVm',
  'xcpng.guide.fixRouterVifs': 'routerVm',
  'xcpng.guide.nestedVm': 'nestedVm',
  'xcpng.guide.autoPowerOn': 'autoPowerOn',
  'xcpng.guide.vlanTrunk': 'vlanTrunk',
  'xcpng.guide.dom0Memory': 'dom0Memory',
};

/**
 * The guides as runbooks: one command per guide (from the tree, or the palette with a picker), resume,
 * verify only, copy as script, the Runbooks view, the router drift warning in the explorer and the local
 * nested KVM check. `options` lets scripts and tests name what a picker would ask.
 */
export function registerGuides(
  log: vscode.LogOutputChannel,
  lab: Lab,
  explorer: ExplorerProvider,
  confirm: ModalConfirm,
  locks: OperationLocks,
  context: vscode.ExtensionContext,
): vscode.Disposable[] {
  const journal = new WorkspaceRunbookJournal(context.workspaceState);
  const view = new RunbooksProvider(journal);
  const services: GuideServices = { log, lab, confirm, locks, journal, view };
  explorer.vmWarning = (poolId, vm) => {
    const snapshot = lab.monitor(poolId)?.snapshot;
    return snapshot ? routerVifDrift(snapshot, vm) : undefined;
  };

  const refFrom = async (id: string, clicked: unknown, options?: { networkUuid?: string; mib?: number }): Promise<GuideRef | undefined> => {
    const guideId = TREE_GUIDES[id];
    if (!guideId) return undefined;
    const guide = GUIDES[guideId];
    const node = clicked as ExplorerNode | undefined;
    let target: { poolId: string; uuid: string } | undefined;
    if (options?.networkUuid && node) target = { poolId: node.poolId, uuid: options.networkUuid };
    else if (node && 'uuid' in node && node.kind === guide.target) target = { poolId: node.poolId, uuid: node.uuid };
    else target = await pickGuideTarget(lab, guide.target, `${guide.title}: on which ${guide.target}?`, node?.poolId);
    if (!target) return undefined;
    let params: Record<string, number> | undefined;
    if (guideId === 'dom0Memory') {
      const mib = options?.mib ?? (await pickDom0Memory(lab, target.poolId, target.uuid));
      if (mib === undefined) return undefined;
      params = { dom0MiB: mib };
    }
    return { guideId, poolId: target.poolId, targetUuid: target.uuid, params };
  };

  const needRef = (arg: unknown): GuideRef => {
    const ref = toGuideRef(arg);
    if (!ref) throw new Error('Pick a runbook in the Runbooks view.');
    return ref;
  };

  const lenses = new GuideCodeLensProvider();
  const output = vscode.window.createOutputChannel('XCP-ng Guide Output');

  return [
    view,
    lenses,
    output,
    vscode.languages.registerCodeLensProvider(GUIDE_LENS_SELECTOR, lenses),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration(`xcpng.${CODE_LENS_SETTING}`)) lenses.refresh();
    }),
    registerCommand(log, 'xcpng.guide.open', (file?: string) => openGuide(context.extensionUri, typeof file === 'string' ? file : undefined)),
    registerCommand(log, 'xcpng.guide.openSection', (file: string, heading: string) => openGuideSection(context.extensionUri, file, heading)),
    registerCommand(log, 'xcpng.guide.runHostAction', (command: string, options?: HostActionOptions) => runHostAction(lab, explorer, command, options)),
    registerCommand(log, 'xcpng.guide.runBlock', (uri: vscode.Uri, index: number, options?: BlockRunOptions) => runGuideBlock(lab, confirm, output, uri, index, options)),
    registerCommand(log, 'xcpng.guide.copyBlock', (uri: vscode.Uri, index: number) => copyGuideBlock(uri, index)),
    vscode.window.createTreeView('xcpng.runbooks', { treeDataProvider: view }),
    ...Object.keys(TREE_GUIDES).map((id) =>
      registerCommand(log, id, async (clicked?: unknown, _selected?: unknown, options?: { networkUuid?: string; mib?: number }) => {
        const ref = await refFrom(id, clicked, options);
        return ref && runGuide(services, ref);
      }),
    ),
    registerCommand(log, 'xcpng.guide.resume', async (arg?: unknown) => {
      const ref = toGuideRef(arg) ?? (await pickUnfinished(journal));
      return ref && runGuide(services, ref);
    }),
    registerCommand(log, 'xcpng.guide.verify', (arg?: unknown) => verifyGuide(services, needRef(arg))),
    registerCommand(log, 'xcpng.guide.copyScript', (arg?: unknown) => guideScript(services, needRef(arg))),
    registerCommand(log, 'xcpng.guide.forget', async (arg?: unknown) => {
      const ref = needRef(arg);
      const key = journal.all().find((r) => r.guideId === ref.guideId && r.poolId === ref.poolId && r.targetUuid === ref.targetUuid)?.key;
      if (key) await journal.remove(key);
      view.refresh();
    }),
    registerCommand(log, 'xcpng.guide.checkNestedKvm', () => checkNestedKvm(log)),
    registerCommand(log, 'xcpng.guide.tlsCsr', (node?: ExplorerNode) => createCsr(lab, log, node)),
    registerCommand(log, 'xcpng.guide.tlsShow', (node?: ExplorerNode) => showCertificate(lab, log, node)),
    registerCommand(log, 'xcpng.guide.tlsInstall', (node?: ExplorerNode, _selected?: unknown, paths?: CertificatePaths) =>
      locks.run(`host:${node && 'uuid' in node ? node.uuid : ''}`, 'Install TLS certificate', () => installCertificate(lab, log, confirm, node, paths)),
    ),
  ];
}

/** The palette's Resume: the one unfinished runbook, or a pick among them. */
async function pickUnfinished(journal: WorkspaceRunbookJournal): Promise<GuideRef | undefined> {
  const open = journal.all().filter((r) => !r.finished);
  if (open.length === 0) throw new Error('No unfinished runbook to resume.');
  if (open.length === 1) return open[0];
  const picked = await vscode.window.showQuickPick(
    open.map((r) => ({ label: r.title, description: r.targetName, record: r })),
    { title: 'Resume which runbook?' },
  );
  return picked?.record;
}

async function pickDom0Memory(lab: Lab, poolId: string, hostUuid: string): Promise<number | undefined> {
  const snapshot = lab.monitor(poolId)?.snapshot;
  const host = snapshot?.hosts.find((h) => h.uuid === hostUuid);
  const zfs = snapshot?.srs.some((sr) => sr.type === 'zfs') ?? false;
  const recommended = recommendDom0Memory(host?.memoryTotal ?? 0, zfs);
  const choices = [...new Set([recommended, 2048, 4096, 8192, 16384])];
  const picked = await vscode.window.showQuickPick(
    choices.map((mib) => ({ label: `${mib} MiB`, description: mib === recommended ? 'recommended by the guide' : undefined, mib })),
    { title: `Dom0 memory for ${host?.name ?? 'the host'}` },
  );
  return picked?.mib;
}
