import { z } from 'zod';
import type { EngineAccount } from './account';

/**
 * Main decides what the SIP engine should do; the engine (sip.js in the
 * renderer) reports what actually happened. These are the two directions.
 */

/** How the engine treats an incoming INVITE. */
export type IncomingPolicy = 'ring' | 'busy';

/** main → renderer */
export type EngineCommand =
  | { type: 'register'; account: EngineAccount; incoming: IncomingPolicy }
  | { type: 'reconnect'; account: EngineAccount; incoming: IncomingPolicy }
  | { type: 'set-incoming'; incoming: IncomingPolicy }
  | { type: 'unregister' };

/** Why a registration attempt failed, as the engine classifies it. */
export const failureCauseSchema = z.enum([
  /** 401/403/407 after credentials were sent: retrying will not help */
  'auth',
  /** WebSocket could not connect or dropped */
  'network',
  /** the server answered with another error (404, 5xx, …) */
  'server',
  /** no answer in time */
  'timeout',
]);
export type FailureCause = z.infer<typeof failureCauseSchema>;

/** Longest registration lifetime either side deals with (granted, or insisted on by a 423), seconds. */
export const MAX_REGISTRATION_SEC = 86_400;
/** Longest Retry-After a report may carry, seconds; main caps the wait lower still (see backoff.ts). */
export const MAX_RETRY_AFTER_SEC = 86_400;
/** Longest failure detail a report may carry, characters. */
export const MAX_FAILURE_DETAIL = 500;

/** renderer → main */
export const engineReportSchema = z.discriminatedUnion('state', [
  z.object({ state: z.literal('unregistered') }),
  z.object({ state: z.literal('registering') }),
  z.object({ state: z.literal('registered'), expiresInSec: z.number().int().positive().max(MAX_REGISTRATION_SEC) }),
  z.object({
    state: z.literal('failed'),
    cause: failureCauseSchema,
    statusCode: z.number().int().min(100).max(699).optional(),
    detail: z.string().max(MAX_FAILURE_DETAIL).optional(),
    /** The server's Retry-After: main waits at least this long before the next attempt. */
    retryAfterSec: z.number().int().min(0).max(MAX_RETRY_AFTER_SEC).optional(),
  }),
]);
export type EngineReport = z.infer<typeof engineReportSchema>;

/** Outcome of "Test connection": one real REGISTER, then un-REGISTER. */
export type ProbeResult = { ok: true } | { ok: false; cause: FailureCause; statusCode?: number; detail?: string };
