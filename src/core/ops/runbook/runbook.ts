import type { LabSnapshot } from '../../lab/labModel';
import type { PoolMonitor } from '../../lab/poolMonitor';
import type { RemoteExec } from '../../ssh/remoteExec';
import type { Confirm, ConfirmQuestion } from '../confirm';
import type { OperationLocks } from '../operationLocks';

/** One remote command, one element per argument: the transport quotes it in one place. */
export type Argv = readonly string[];

/** What a step's preflight found: go on, go on only if the user agrees, or stop with the reason. */
export type Preflight = { readonly kind: 'ok' } | { readonly kind: 'warn'; readonly reason: string; readonly action: string } | { readonly kind: 'refuse'; readonly reason: string };

export const PREFLIGHT_OK: Preflight = { kind: 'ok' };

/** What a step may use while it runs or verifies. */
export interface StepContext {
  readonly exec: RemoteExec;
  readonly monitor: PoolMonitor;
  readonly locks: OperationLocks;
  readonly confirm: Confirm;
  readonly signal?: AbortSignal;
  readonly progress?: (message: string) => void;
}

/**
 * One step of a guide. A step is data plus small functions over the snapshot, so the same definition runs,
 * verifies ("Verify only") and prints itself ("Copy as Script").
 */
export interface RunbookStep {
  /** Stable across reloads: the journal records step states by id. */
  readonly id: string;
  readonly title: string;
  /** Why the step exists; shown with it and written as the script's comment. */
  readonly why?: string;
  /** Guest-side instructions: shown to the user, never run. */
  readonly manual?: string;
  /** An offer (a reboot to apply): declining it skips the step instead of stopping the runbook. */
  readonly optional?: boolean;
  /** False for steps whose verification already holds before they run (a power cycle of a running VM). */
  readonly skipWhenVerified?: boolean;
  preflight?(snapshot: LabSnapshot): Preflight;
  /** The exact commands for the current state; none means nothing is left to do. */
  commands?(snapshot: LabSnapshot): readonly Argv[];
  /** The modal asked before a destructive or optional step runs. */
  confirm?(snapshot: LabSnapshot, ctx: StepContext): ConfirmQuestion | undefined | Promise<ConfirmQuestion | undefined>;
  /** Runs the step through an existing operation (safe reboot, auto power on) instead of the commands. */
  run?(ctx: StepContext): Promise<void>;
  /** Re-reads (the snapshot is fresh) and compares: undefined when in the desired state, else what differs. */
  verify?(ctx: StepContext, snapshot: LabSnapshot): string | undefined | Promise<string | undefined>;
}

/** What a guide targets; the guide is rebuilt from it on resume. */
export type GuideTargetKind = 'vm' | 'network' | 'host' | 'pool';

export interface Runbook {
  readonly guideId: string;
  readonly title: string;
  readonly targetKind: GuideTargetKind;
  readonly targetUuid: string;
  readonly targetName: string;
  readonly params?: Readonly<Record<string, number>>;
  readonly steps: readonly RunbookStep[];
}
