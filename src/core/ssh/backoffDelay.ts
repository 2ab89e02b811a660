/** How reconnect attempts after a dropped connection are spaced. */
export interface BackoffPolicy {
  /** Delay before the first retry. */
  readonly initialMs: number;
  readonly factor: number;
  /** No delay grows beyond this. */
  readonly maxMs: number;
  /** Attempts in all, the first (immediate) one included. */
  readonly maxAttempts: number;
}

export const defaultBackoffPolicy: BackoffPolicy = { initialMs: 500, factor: 2, maxMs: 10_000, maxAttempts: 4 };

/** The wait before retry number `retry` (0 for the first retry): exponential, capped. */
export function backoffDelay(retry: number, policy: BackoffPolicy = defaultBackoffPolicy): number {
  return Math.min(policy.maxMs, policy.initialMs * policy.factor ** Math.max(0, retry));
}
