import type { FailureCause } from '../../common/schemas/engine';

/** Exponential back-off: the wait doubles from `baseMs` per consecutive failure, up to `capMs`. */
export interface BackoffPolicy {
  baseMs: number;
  capMs: number;
}

/** Which back-off applies to which failure. */
export interface RetryPolicy {
  /** The connection could not be made or was lost, or nothing answered: quick, the fault is usually ours or brief. */
  network: BackoffPolicy;
  /** The server answered with an error: slow (RFC 5626 §4.5: base 30 s, max 30 min), so a sick server is not hammered. */
  server: BackoffPolicy;
  /** Longest wait a server's Retry-After can impose; past it the agent would be unreachable for too long. */
  retryAfterCapMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  network: { baseMs: 1_000, capMs: 60_000 },
  server: { baseMs: 30_000, capMs: 30 * 60_000 },
  retryAfterCapMs: 30 * 60_000,
};

/** A failed attempt, as far as the wait before the next one is concerned. */
export interface RetryReason {
  cause: FailureCause;
  /** The server's Retry-After, seconds. */
  retryAfterSec?: number | undefined;
}

/**
 * Delay before retry number `attempt` (1-based) with "equal jitter": half
 * fixed, half random (RFC 5626 §4.5 draws between 50 % and 100 % of the
 * wait, the same thing). Jitter spreads a whole office's reconnections after
 * a server restart instead of having every phone hit it in the same second;
 * keeping half of the delay fixed keeps the wait predictable enough to show.
 */
export function backoffDelay(attempt: number, random: () => number, policy: BackoffPolicy): number {
  const exp = Math.min(policy.capMs, policy.baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(exp / 2 + (exp / 2) * random());
}

/**
 * How long to wait after a failure. A server that said Retry-After is
 * believed (RFC 3261 §20.33: "retry after at least"), plus up to 10 % so an
 * office does not come back in the same second, capped; otherwise the
 * back-off for the kind of failure.
 */
export function retryDelay(reason: RetryReason, attempt: number, random: () => number, policy: RetryPolicy = DEFAULT_RETRY_POLICY): number {
  if (reason.retryAfterSec !== undefined) {
    const asked = Math.min(policy.retryAfterCapMs, Math.max(1_000, reason.retryAfterSec * 1000));
    return Math.min(policy.retryAfterCapMs, Math.round(asked * (1 + 0.1 * random())));
  }
  return backoffDelay(attempt, random, reason.cause === 'server' ? policy.server : policy.network);
}
