import type { GuideId } from '../../core/ops/guides/guides';

/** A guide on one target; a Runbooks view record has the same fields, so either can be passed to a command. */
export interface GuideRef {
  readonly guideId: GuideId | string;
  readonly poolId: string;
  readonly targetUuid: string;
  readonly params?: Readonly<Record<string, number>>;
}

/** Accepts a GuideRef or a Runbooks view node ({ record }). */
export function toGuideRef(arg: unknown): GuideRef | undefined {
  const candidate = (arg && typeof arg === 'object' && 'record' in arg ? (arg as { record: unknown }).record : arg) as Partial<GuideRef> | undefined;
  if (candidate && typeof candidate.guideId === 'string' && typeof candidate.poolId === 'string' && typeof candidate.targetUuid === 'string') {
    return { guideId: candidate.guideId, poolId: candidate.poolId, targetUuid: candidate.targetUuid, params: candidate.params };
  }
  return undefined;
}
