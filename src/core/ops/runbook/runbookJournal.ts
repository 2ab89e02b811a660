/** A step's progress as journaled: `running` after a restart means the step may or may not have happened. */
export type StepState = 'pending' | 'running' | 'done' | 'skipped' | 'manual' | 'failed';

export interface StepRecord {
  readonly id: string;
  readonly title: string;
  state: StepState;
  /** The reason of a failure or skip, or the manual text. */
  detail?: string;
}

/** One runbook's progress, kept in the workspace so it survives a host reboot or a VS Code restart. */
export interface RunbookRecord {
  readonly key: string;
  readonly guideId: string;
  readonly title: string;
  readonly poolId: string;
  readonly targetUuid: string;
  readonly targetName: string;
  /** What the user chose when starting (dom0 memory in MiB): a resumed runbook is rebuilt with it. */
  readonly params?: Readonly<Record<string, number>>;
  steps: StepRecord[];
  finished: boolean;
  updatedAt: string;
}

/** Where records live (workspace state in the product, a Map in unit tests). */
export interface RunbookJournal {
  get(key: string): RunbookRecord | undefined;
  all(): readonly RunbookRecord[];
  save(record: RunbookRecord): Promise<void>;
  remove(key: string): Promise<void>;
}

export function runbookKey(guideId: string, poolId: string, targetUuid: string): string {
  return `${guideId}:${poolId}:${targetUuid}`;
}
