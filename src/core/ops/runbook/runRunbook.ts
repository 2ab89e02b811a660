import { CancelledError } from '../../errors';
import type { LabSnapshot } from '../../lab/labModel';
import { quoteArgv } from '../../ssh/quoteArgv';
import { parseXeError } from '../../xe/parseXeError';
import { describeXeFailure } from '../describeXeFailure';
import { OperationError } from '../operationError';
import type { Argv, Runbook, RunbookStep, StepContext } from './runbook';
import { runbookKey, type RunbookJournal, type RunbookRecord, type StepRecord } from './runbookJournal';

export interface RunbookHooks {
  /** Called before a step's commands run, with exactly what will be sent (the UI shows and logs it). */
  readonly showCommands?: (step: RunbookStep, commands: readonly Argv[]) => void;
  /** A guest-side step: the UI shows its text. */
  readonly showManual?: (step: RunbookStep) => void;
  /** The record changed (the Runbooks view redraws). */
  readonly changed?: (record: RunbookRecord) => void;
}

/**
 * Runs a runbook from where its journal says it stopped: a `running` step (interrupted by a host reboot or a
 * VS Code restart) is verified first and only re-run if its check fails. Each step: preflight, show the
 * commands, ask when destructive, run, re-read the pool, verify. Cancellation is honoured between steps and
 * leaves the journal at the step that did not run.
 */
export async function runRunbook(runbook: Runbook, poolId: string, ctx: StepContext, journal: RunbookJournal, hooks: RunbookHooks = {}): Promise<RunbookRecord> {
  const key = runbookKey(runbook.guideId, poolId, runbook.targetUuid);
  return ctx.locks.run(`runbook:${key}`, runbook.title, async () => {
    const record = freshRecord(runbook, poolId, journal.get(key));
    const save = async (): Promise<void> => {
      record.updatedAt = new Date().toISOString();
      await journal.save(record);
      hooks.changed?.(record);
    };
    await save();
    await ctx.monitor.refreshAfterChange(ctx.signal);
    for (const step of runbook.steps) {
      const state = stepRecord(record, step);
      if (state.state === 'done' || state.state === 'skipped' || state.state === 'manual') continue;
      if (ctx.signal?.aborted) throw new CancelledError();
      const set = async (s: StepRecord['state'], detail?: string): Promise<void> => {
        state.state = s;
        state.detail = detail;
        await save();
      };
      ctx.progress?.(step.title);
      if (step.manual !== undefined) {
        hooks.showManual?.(step);
        await set('manual', step.manual);
        continue;
      }
      const snapshot = loaded(ctx);
      const interrupted = state.state === 'running';
      if ((interrupted || step.skipWhenVerified !== false) && step.verify && (await step.verify(ctx, snapshot)) === undefined) {
        await set(interrupted ? 'done' : 'skipped', interrupted ? 'verified after the interruption' : 'already in place');
        continue;
      }
      const pre = step.preflight?.(snapshot) ?? { kind: 'ok' };
      if (pre.kind === 'refuse') {
        await set('failed', pre.reason);
        throw new OperationError(`${step.title}: ${pre.reason}`, false);
      }
      if (pre.kind === 'warn' && !(await ctx.confirm({ message: `${step.title}?`, detail: pre.reason, action: pre.action }))) {
        throw new CancelledError();
      }
      const commands = step.commands?.(snapshot) ?? [];
      if (commands.length === 0) {
        await set('skipped', 'nothing to do');
        continue;
      }
      hooks.showCommands?.(step, commands);
      const asked = await step.confirm?.(snapshot, ctx);
      // The modal names the exact commands, so consent is to what is sent.
      const question = asked && { ...asked, detail: `${asked.detail ?? ''}\n\nCommands:\n${commands.map(quoteArgv).join('\n')}`.trim() };
      if (question && !(await ctx.confirm(question))) {
        if (step.optional) {
          await set('skipped', 'declined: do it later, or run the guide again');
          continue;
        }
        throw new CancelledError();
      }
      await set('running');
      try {
        if (step.run) await step.run(ctx);
        else for (const argv of commands) await runChecked(ctx, argv, step.title);
      } catch (error) {
        await ctx.monitor.refreshAfterChange().catch(() => undefined);
        // A cancelled step may have half-run: leave it `running`, so resuming verifies it first.
        if (error instanceof CancelledError || (error instanceof Error && error.name === 'AbortError')) throw error;
        await set('failed', error instanceof Error ? error.message : String(error));
        throw error;
      }
      await ctx.monitor.refreshAfterChange(ctx.signal);
      const drift = await step.verify?.(ctx, loaded(ctx));
      if (drift !== undefined) {
        await set('failed', `ran, but ${drift}`);
        throw new OperationError(`${step.title}: the commands succeeded, but ${drift}`, true);
      }
      await set('done');
    }
    record.finished = true;
    await save();
    return record;
  });
}

/** Runs one command; a non-zero exit becomes an OperationError in the user's words. */
export async function runChecked(ctx: Pick<StepContext, 'exec' | 'signal'>, argv: Argv, what: string): Promise<string> {
  const result = await ctx.exec.exec(argv, { signal: ctx.signal });
  if (result.code === 0) return result.stdout;
  if (argv[0] === 'xe') throw new OperationError(describeXeFailure(parseXeError(result.stderr, result.code, { argv }), what.toLowerCase()), true);
  throw new OperationError(`${what}: ${argv[0] ?? ''} exited with ${String(result.code)}: ${result.stderr.trim()}`, true);
}

function loaded(ctx: StepContext): LabSnapshot {
  const snapshot = ctx.monitor.snapshot;
  if (!snapshot) throw new OperationError('the pool is not loaded', false);
  return snapshot;
}

function freshRecord(runbook: Runbook, poolId: string, previous: RunbookRecord | undefined): RunbookRecord {
  // A finished record starts over: running a guide again re-checks every step.
  const keep = previous && !previous.finished ? previous.steps : [];
  return {
    key: runbookKey(runbook.guideId, poolId, runbook.targetUuid),
    guideId: runbook.guideId,
    title: runbook.title,
    poolId,
    targetUuid: runbook.targetUuid,
    targetName: runbook.targetName,
    params: runbook.params,
    steps: runbook.steps.map((s) => {
      const old = keep.find((k) => k.id === s.id);
      return { id: s.id, title: s.title, state: old && old.state !== 'failed' ? old.state : 'pending', detail: old?.detail };
    }),
    finished: false,
    updatedAt: new Date().toISOString(),
  };
}

function stepRecord(record: RunbookRecord, step: RunbookStep): StepRecord {
  const found = record.steps.find((s) => s.id === step.id);
  if (!found) throw new Error(`runbook step ${step.id} is not in the record`);
  return found;
}
