import * as vscode from 'vscode';
import { GUIDES, isGuideId } from '../../core/ops/guides/guides';
import type { OperationLocks } from '../../core/ops/operationLocks';
import type { Runbook, StepContext } from '../../core/ops/runbook/runbook';
import { runbookKey, type RunbookRecord } from '../../core/ops/runbook/runbookJournal';
import { runbookScript } from '../../core/ops/runbook/runbookScript';
import { runRunbook } from '../../core/ops/runbook/runRunbook';
import { verifyRunbook, type StepDrift } from '../../core/ops/runbook/verifyRunbook';
import { quoteArgv } from '../../core/ssh/quoteArgv';
import { withCancellableProgress } from '../commands/withCancellableProgress';
import type { Lab } from '../lab/lab';
import type { ModalConfirm } from '../modalConfirm';
import type { GuideRef } from './guideRef';
import type { RunbooksProvider } from './runbooksProvider';
import type { WorkspaceRunbookJournal } from './workspaceRunbookJournal';

/** What running a guide needs from the extension. */
export interface GuideServices {
  readonly log: vscode.LogOutputChannel;
  readonly lab: Lab;
  readonly confirm: ModalConfirm;
  readonly locks: OperationLocks;
  readonly journal: WorkspaceRunbookJournal;
  readonly view: RunbooksProvider;
}

async function prepare(services: GuideServices, ref: GuideRef, signal?: AbortSignal): Promise<{ runbook: Runbook; ctx: Omit<StepContext, 'signal' | 'progress'> }> {
  const monitor = services.lab.monitor(ref.poolId);
  if (!monitor) throw new Error('That pool is no longer configured.');
  if (!monitor.snapshot) await monitor.refresh(signal);
  const snapshot = monitor.snapshot;
  if (!snapshot) throw new Error(`${monitor.target.name} could not be read: see the XCP-ng view.`);
  if (!isGuideId(ref.guideId)) throw new Error(`Unknown guide "${ref.guideId}".`);
  // A resumed runbook is rebuilt with what the user chose when starting it.
  const params = ref.params ?? services.journal.get(runbookKey(ref.guideId, ref.poolId, ref.targetUuid))?.params;
  const runbook = GUIDES[ref.guideId].build(snapshot, ref.targetUuid, params);
  return { runbook, ctx: { exec: services.lab.connection(monitor.target), monitor, locks: services.locks, confirm: services.confirm.confirm } };
}

/** Runs (or resumes, from the journal) a guide, showing each step's commands in the log before they run. */
export async function runGuide(services: GuideServices, ref: GuideRef): Promise<RunbookRecord> {
  const { runbook, ctx } = await prepare(services, ref);
  const { log } = services;
  log.info(`guide ${runbook.title} on ${runbook.targetName} (${runbook.targetUuid}): start`);
  const record = await withCancellableProgress(`${runbook.title}: ${runbook.targetName}`, (signal, report) =>
    runRunbook(runbook, ref.poolId, { ...ctx, signal, progress: report }, services.journal, {
      showCommands: (step, commands) => {
        log.info(`step "${step.title}":`);
        for (const argv of commands) log.info(`  $ ${quoteArgv(argv)}`);
        report(`${step.title}: ${commands.map((c) => c.slice(0, 2).join(' ')).join('; ')}`);
      },
      showManual: (step) => {
        log.info(`step "${step.title}" (manual): ${step.manual ?? ''}`);
        void vscode.window.showInformationMessage(`${runbook.title}, ${step.title}: ${step.manual ?? ''}`);
      },
      changed: () => services.view.refresh(),
    }),
  );
  log.info(`guide ${runbook.title} on ${runbook.targetName}: finished (${record.steps.map((s) => `${s.id}=${s.state}`).join(', ')})`);
  void vscode.window.showInformationMessage(`${runbook.title} on ${runbook.targetName}: done and verified.`);
  return record;
}

/** "Verify only": the checks without acting; drift goes to the log and one message. */
export async function verifyGuide(services: GuideServices, ref: GuideRef): Promise<StepDrift[]> {
  const { runbook, ctx } = await prepare(services, ref);
  const drift = await verifyRunbook(runbook, ctx);
  const bad = drift.filter((d) => d.drift !== undefined);
  for (const d of drift) services.log.info(`verify ${runbook.title} on ${runbook.targetName}: ${d.title}: ${d.drift ?? 'ok'}`);
  void vscode.window.showInformationMessage(
    bad.length ? `${runbook.title} on ${runbook.targetName}: drift in ${bad.map((d) => `${d.title} (${d.drift ?? ''})`).join('; ')}` : `${runbook.title} on ${runbook.targetName}: no drift.`,
  );
  return drift;
}

/** "Copy as Script": the steps as a commented shell script, on the clipboard and in an editor. */
export async function guideScript(services: GuideServices, ref: GuideRef): Promise<string> {
  const { runbook, ctx } = await prepare(services, ref);
  const snapshot = ctx.monitor.snapshot;
  if (!snapshot) throw new Error('The pool is not loaded.');
  const script = runbookScript(runbook, snapshot);
  await vscode.env.clipboard.writeText(script);
  await vscode.window.showTextDocument(await vscode.workspace.openTextDocument({ language: 'shellscript', content: script }), { preview: true });
  return script;
}
