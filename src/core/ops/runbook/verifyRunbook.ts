import { OperationError } from '../operationError';
import type { Runbook, StepContext } from './runbook';

export interface StepDrift {
  readonly stepId: string;
  readonly title: string;
  /** undefined: in the desired state. */
  readonly drift: string | undefined;
}

/** "Verify only": re-reads the pool and runs every step's check without acting; manual steps have none. */
export async function verifyRunbook(runbook: Runbook, ctx: StepContext): Promise<StepDrift[]> {
  await ctx.monitor.refreshAfterChange(ctx.signal);
  const snapshot = ctx.monitor.snapshot;
  if (!snapshot) throw new OperationError('the pool is not loaded', false);
  const out: StepDrift[] = [];
  for (const step of runbook.steps) {
    if (!step.verify || step.skipWhenVerified === false) continue;
    out.push({ stepId: step.id, title: step.title, drift: await step.verify(ctx, snapshot) });
  }
  return out;
}
