import { MAX_DELTA_SEC, MAX_FAILURE_TEXT, MAX_RETRY_AFTER_SEC, type FailureCause, type FailureDetail } from '../../common/schemas/engine';

/**
 * Turns what went wrong with a REGISTER into the cause main's lifecycle
 * machine acts on (auth: stop and ask the agent; network/server/timeout:
 * back off and retry), with a detail code the window puts into words
 * (renderer/features/reachability/failure-text.ts): no sentence is made
 * here. Pure: no sip.js, so it is tested on its own.
 */

/** A failed registration as reported to main (EngineReport 'failed' minus the state). */
export interface RegisterFailure {
  cause: FailureCause;
  statusCode?: number;
  /** What exactly happened, as a code; text from the server in it is bounded (see {@link outside}). */
  detail?: FailureDetail;
  /** The server asked us to wait this long before trying again (Retry-After), seconds. */
  retryAfterSec?: number;
}

/** A final non-2xx answer to a REGISTER. */
export interface RegisterRejection {
  statusCode: number;
  reasonPhrase?: string;
  /**
   * False when the SIP stack made the answer up itself (RFC 3261 §8.1.3.1):
   * a 408 means no answer before Timer F (32 s), a 503 means the transport
   * failed. True when the answer came from the server.
   */
  fromServer: boolean;
  /** Realm of the server's digest challenge, when it sent one. */
  challengeRealm?: string;
  /** The server's Retry-After, seconds (see {@link parseRetryAfter}). */
  retryAfterSec?: number;
}

export interface FailureContext {
  /** The realm the HA1 was computed for. */
  expectedRealm: string;
}

/** Classifies a final non-2xx answer (real or made up by sip.js) to a REGISTER. */
export function classifyRegisterRejection(rejection: RegisterRejection, context: FailureContext): RegisterFailure {
  const { statusCode, fromServer } = rejection;
  if (!fromServer) {
    return statusCode === 408 ? { cause: 'timeout', detail: { code: 'timeout.no-answer' } } : describeConnectionLost();
  }
  const reason = reasonOf(rejection.reasonPhrase);
  if (statusCode === 401 || statusCode === 407 || statusCode === 403) {
    const realm = rejection.challengeRealm;
    const detail: FailureDetail =
      realm !== undefined && context.expectedRealm !== '' && realm !== context.expectedRealm
        ? { code: 'auth.realm-mismatch', realm: outside(realm), expectedRealm: outside(context.expectedRealm), ...reason }
        : { code: 'auth.rejected', ...reason };
    return { cause: 'auth', statusCode, detail };
  }
  // RFC 3261 §20.33: a server that is busy or down for maintenance says how long to stay away.
  const wait = rejection.retryAfterSec !== undefined && statusCode >= 400 ? { retryAfterSec: rejection.retryAfterSec } : {};
  if (statusCode === 408) {
    return { cause: 'timeout', statusCode, detail: { code: 'timeout.server', ...reason }, ...wait };
  }
  if (statusCode >= 300 && statusCode < 400) {
    return { cause: 'server', statusCode, detail: { code: 'server.redirect', ...reason } };
  }
  return { cause: 'server', statusCode, detail: { code: 'server.refused', ...reason }, ...wait };
}

/**
 * The delta-seconds of a Retry-After header (RFC 3261 §20.33:
 * `Retry-After: 120 (in a meeting);duration=3600`), or undefined when
 * absent or not a number. Remote-controlled: bounded.
 */
export function parseRetryAfter(header: string | undefined): number | undefined {
  const match = /^\s*(\d{1,10})(?![\d.])/.exec(header ?? '');
  if (!match) return undefined;
  return Math.min(MAX_RETRY_AFTER_SEC, Number(match[1]));
}

/**
 * The registrar keeps answering 423 Interval Too Brief with a Min-Expires
 * that does not help (not above what we sent, or more than a day), or a
 * second time after our one retry.
 */
export function describeIntervalRefused(minExpiresSec: number, sentExpiresSec: number): RegisterFailure {
  return {
    cause: 'server',
    statusCode: 423,
    detail: { code: 'server.interval-too-brief', minExpiresSec: boundedSeconds(minExpiresSec), sentExpiresSec: boundedSeconds(sentExpiresSec) },
  };
}

/** The WebSocket did not open. */
export function describeConnectFailure(gaveUpAfterSec?: number): RegisterFailure {
  return { cause: 'network', detail: { code: 'network.unreachable', ...(gaveUpAfterSec === undefined ? {} : { withinSec: boundedSeconds(gaveUpAfterSec) }) } };
}

/** The WebSocket closed or failed while we were using it. */
export function describeConnectionLost(): RegisterFailure {
  return { cause: 'network', detail: { code: 'network.lost' } };
}

/** The WebSocket is open but the server stopped answering keep-alive pings. */
export function describeUnresponsive(silentForSec: number): RegisterFailure {
  return { cause: 'network', detail: { code: 'network.silent', silentForSec: boundedSeconds(silentForSec) } };
}

/** The registrar's 200 OK was unusable (no Contact of ours / no expiry), or the registration ran out. */
export function describeSilentDrop(expired: boolean): RegisterFailure {
  return expired
    ? { cause: 'timeout', detail: { code: 'registration.expired' } }
    : { cause: 'server', detail: { code: 'registration.contact-missing' } };
}

/** Settings sip.js refused before anything was sent (main validates, so this is a bug or a bad import). */
export function describeBadSettings(error: unknown): RegisterFailure {
  const problem = outside(error instanceof Error ? error.message : String(error));
  return { cause: 'auth', detail: { code: 'account.unusable', ...(problem ? { problem } : {}) } };
}

/** The reason phrase as a detail parameter, when the server sent one. */
function reasonOf(phrase: string | undefined): { reason?: string } {
  const text = outside(phrase ?? '');
  return text ? { reason: text } : {};
}

/**
 * Text from outside (reason phrases and realms are remote-controlled, error
 * messages are sip.js's): on one line, trimmed and short enough for the
 * report schema, which refuses anything else.
 */
function outside(text: string): string {
  // eslint-disable-next-line no-control-regex -- stripping control characters is the point
  const line = text.replace(/[\u0000-\u001f\u007f]/g, ' ').trim();
  return line.length <= MAX_FAILURE_TEXT ? line : `${line.slice(0, MAX_FAILURE_TEXT - 1)}…`;
}

/** Seconds in the range the report schema takes: what sip.js parsed from a header may be anything. */
function boundedSeconds(value: number): number {
  return Number.isFinite(value) ? Math.min(MAX_DELTA_SEC, Math.max(0, value)) : 0;
}
