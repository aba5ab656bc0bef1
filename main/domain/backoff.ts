/** Exponential back-off with "equal jitter": half fixed, half random. */
export interface BackoffPolicy {
  baseMs: number;
  capMs: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 1_000, capMs: 60_000 };

/**
 * Delay before retry number `attempt` (1-based). Jitter spreads a whole
 * office's reconnections after a server restart instead of having every
 * phone hit it in the same second; keeping half of the delay fixed keeps
 * the wait predictable enough to show in the UI.
 */
export function backoffDelay(attempt: number, random: () => number, policy: BackoffPolicy = DEFAULT_BACKOFF): number {
  const exp = Math.min(policy.capMs, policy.baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(exp / 2 + (exp / 2) * random());
}
