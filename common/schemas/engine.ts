import { z } from 'zod';
import { engineAccountSchema, MAX_REGISTRATION_SEC } from './account';

/**
 * Main decides what the SIP engine should do; the engine (sip.js in the
 * renderer) reports what actually happened. These are the two directions.
 */

/** How the engine treats an incoming INVITE. */
export const incomingPolicySchema = z.enum(['ring', 'busy']);
export type IncomingPolicy = z.infer<typeof incomingPolicySchema>;

/** main → renderer */
export const engineCommandSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('register'), account: engineAccountSchema, incoming: incomingPolicySchema }),
  z.object({ type: z.literal('reconnect'), account: engineAccountSchema, incoming: incomingPolicySchema }),
  z.object({ type: z.literal('set-incoming'), incoming: incomingPolicySchema }),
  z.object({ type: z.literal('unregister') }),
]);
export type EngineCommand = z.infer<typeof engineCommandSchema>;

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

/** Longest Retry-After a report may carry, seconds; main caps the wait lower still (see backoff.ts). */
export const MAX_RETRY_AFTER_SEC = 86_400;
/** Longest delta-seconds SIP can carry (RFC 3261 §25.1: up to 2³²−1), e.g. a Min-Expires. */
export const MAX_DELTA_SEC = 4_294_967_295;
/** Longest text from outside (a reason phrase, a realm, an error message) a failure detail may carry, characters. */
export const MAX_FAILURE_TEXT = 200;

/** Text that came from outside, shown as it is: bounded, and on one line. */
// eslint-disable-next-line no-control-regex -- refusing control characters is the point
const outsideText = z.string().max(MAX_FAILURE_TEXT).regex(/^[^\u0000-\u001f\u007f]*$/);
/** The SIP reason phrase of the answer, when the server sent one (e.g. "Service Unavailable"). */
const reason = outsideText.optional();
const seconds = z.number().min(0).max(MAX_DELTA_SEC);

/**
 * What exactly went wrong, as a code and its parameters (next to the cause
 * and status code, never instead of them). The engine, or main's lifecycle,
 * picks the code; the window words it (renderer/features/reachability/failure-text.ts).
 * The server's address is not a parameter: whoever words it knows the account.
 */
export const failureDetailSchema = z.discriminatedUnion('code', [
  /** The WebSocket did not open (within `withinSec`, when the engine stopped waiting). */
  z.object({ code: z.literal('network.unreachable'), withinSec: seconds.optional() }),
  /** The WebSocket closed or failed while it was in use. */
  z.object({ code: z.literal('network.lost') }),
  /** The WebSocket is open but nothing answered the keep-alive pings for `silentForSec`. */
  z.object({ code: z.literal('network.silent'), silentForSec: seconds }),
  /** The engine could not set up its connection at all: a bug of ours. */
  z.object({ code: z.literal('network.internal') }),
  /** Nothing answered the REGISTER: sip.js gave up (its own 408), or the test's limit of `withinSec` passed. */
  z.object({ code: z.literal('timeout.no-answer'), withinSec: seconds.optional() }),
  /** The server itself answered 408. */
  z.object({ code: z.literal('timeout.server'), reason }),
  /** The server answered with an error (404, 5xx, …). */
  z.object({ code: z.literal('server.refused'), reason }),
  /** The server answered 3xx: redirects are not followed. */
  z.object({ code: z.literal('server.redirect'), reason }),
  /** 423 again after our one retry, or with a Min-Expires that does not help (at most `sentExpiresSec`, or over a day). */
  z.object({ code: z.literal('server.interval-too-brief'), minExpiresSec: seconds, sentExpiresSec: seconds }),
  /** 401/403/407 after the credentials were sent. */
  z.object({ code: z.literal('auth.rejected'), reason }),
  /** 401/407 whose challenge names another realm than the one the HA1 was made for. */
  z.object({ code: z.literal('auth.realm-mismatch'), realm: outsideText, expectedRealm: outsideText, reason }),
  /** sip.js refused the settings before sending anything; `problem` is its error message. */
  z.object({ code: z.literal('account.unusable'), problem: outsideText.optional() }),
  /** The registration ran out before a refresh was confirmed. */
  z.object({ code: z.literal('registration.expired') }),
  /** The registrar's 200 OK did not confirm this phone's Contact. */
  z.object({ code: z.literal('registration.contact-missing') }),
  /** The engine reported unregistered while main still wanted the registration. */
  z.object({ code: z.literal('registration.ended') }),
  /** The engine is being shut down. */
  z.object({ code: z.literal('engine.stopping') }),
  /** "Test connection" was cancelled before it had an answer. */
  z.object({ code: z.literal('test.cancelled') }),
  /** "Test connection" failed in an unexpected way (a bug of ours). */
  z.object({ code: z.literal('test.failed') }),
]);
export type FailureDetail = z.infer<typeof failureDetailSchema>;
export type FailureCode = FailureDetail['code'];

/** A failed registration: what the engine reports, and what main shows the agent (common/schemas/registration.ts). */
export const registrationFailureSchema = z.object({
  cause: failureCauseSchema,
  statusCode: z.number().int().min(100).max(699).optional(),
  detail: failureDetailSchema.optional(),
});

/** renderer → main */
export const engineReportSchema = z.discriminatedUnion('state', [
  z.object({ state: z.literal('unregistered') }),
  z.object({ state: z.literal('registering') }),
  z.object({ state: z.literal('registered'), expiresInSec: z.number().int().positive().max(MAX_REGISTRATION_SEC) }),
  registrationFailureSchema.extend({
    state: z.literal('failed'),
    /** The server's Retry-After: main waits at least this long before the next attempt. */
    retryAfterSec: z.number().int().min(0).max(MAX_RETRY_AFTER_SEC).optional(),
  }),
]);
export type EngineReport = z.infer<typeof engineReportSchema>;

/** Outcome of "Test connection": one real REGISTER, then un-REGISTER. */
export type ProbeResult = { ok: true } | ({ ok: false } & z.infer<typeof registrationFailureSchema>);
