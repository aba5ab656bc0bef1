import { MAX_FAILURE_DETAIL, MAX_RETRY_AFTER_SEC, type FailureCause } from '../../common/schemas/engine';

/**
 * Turns what went wrong with a REGISTER into the cause main's lifecycle
 * machine acts on (auth: stop and ask the agent; network/server/timeout:
 * back off and retry). Pure: no sip.js, so it is tested on its own.
 */

/** A failed registration as reported to main (EngineReport 'failed' minus the state). */
export interface RegisterFailure {
  cause: FailureCause;
  statusCode?: number;
  /** Shown to the agent: plain text, no secrets, at most 500 characters. */
  detail?: string;
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
  /** The WebSocket address, e.g. wss://pbx.example.com:8089/ws */
  server: string;
  /** The realm the HA1 was computed for. */
  expectedRealm: string;
}

const MAX_DETAIL = MAX_FAILURE_DETAIL;

/** Classifies a final non-2xx answer (real or made up by sip.js) to a REGISTER. */
export function classifyRegisterRejection(rejection: RegisterRejection, context: FailureContext): RegisterFailure {
  const { statusCode, fromServer } = rejection;
  if (!fromServer) {
    return statusCode === 408
      ? { cause: 'timeout', detail: `No answer from ${context.server} to the registration request` }
      : describeConnectionLost(context.server);
  }
  const status = `${statusCode}${reason(rejection.reasonPhrase)}`;
  if (statusCode === 401 || statusCode === 407 || statusCode === 403) {
    const realm = rejection.challengeRealm;
    const detail =
      realm !== undefined && context.expectedRealm !== '' && realm !== context.expectedRealm
        ? `The server asks for realm "${clip(realm, 100)}" but the password was set up for realm "${clip(context.expectedRealm, 100)}" (${status})`
        : `The server did not accept the user name or password (${status})`;
    return { cause: 'auth', statusCode, detail: clip(detail, MAX_DETAIL) };
  }
  // RFC 3261 §20.33: a server that is busy or down for maintenance says how long to stay away.
  const wait = rejection.retryAfterSec !== undefined && statusCode >= 400 ? { retryAfterSec: rejection.retryAfterSec } : {};
  if (statusCode === 408) {
    return { cause: 'timeout', statusCode, detail: clip(`The server timed out (${status})`, MAX_DETAIL), ...wait };
  }
  if (statusCode >= 300 && statusCode < 400) {
    return { cause: 'server', statusCode, detail: clip(`The server redirected the registration, which is not supported (${status})`, MAX_DETAIL) };
  }
  return { cause: 'server', statusCode, detail: clip(`The server refused the registration (${status})`, MAX_DETAIL), ...wait };
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
export function describeIntervalRefused(server: string, minExpiresSec: number, sentExpiresSec: number): RegisterFailure {
  const detail =
    minExpiresSec > sentExpiresSec
      ? `${server} keeps asking for a longer registration (423 Interval Too Brief, Min-Expires ${minExpiresSec} s) even after we asked for ${sentExpiresSec} s`
      : `${server} refused a ${sentExpiresSec} s registration as too brief (423) but asks for no more than that (Min-Expires ${minExpiresSec} s)`;
  return { cause: 'server', statusCode: 423, detail: clip(detail, MAX_DETAIL) };
}

/** The WebSocket did not open. */
export function describeConnectFailure(server: string, gaveUpAfterSec?: number): RegisterFailure {
  const within = gaveUpAfterSec === undefined ? '' : ` within ${gaveUpAfterSec} s`;
  return { cause: 'network', detail: clip(`Cannot reach ${server}${within}`, MAX_DETAIL) };
}

/** The WebSocket closed or failed while we were using it. */
export function describeConnectionLost(server: string): RegisterFailure {
  return { cause: 'network', detail: clip(`Lost the connection to ${server}`, MAX_DETAIL) };
}

/** The WebSocket is open but the server stopped answering keep-alive pings. */
export function describeUnresponsive(server: string, silentForSec: number): RegisterFailure {
  return { cause: 'network', detail: clip(`${server} stopped answering (nothing heard for ${silentForSec} s)`, MAX_DETAIL) };
}

/** The registrar's 200 OK was unusable (no Contact of ours / no expiry), or the registration ran out. */
export function describeSilentDrop(server: string, expired: boolean): RegisterFailure {
  return expired
    ? { cause: 'timeout', detail: clip(`The registration expired: ${server} did not answer the refresh in time`, MAX_DETAIL) }
    : { cause: 'server', detail: clip(`${server} answered the registration without confirming this phone's contact`, MAX_DETAIL) };
}

/** Settings sip.js refused before anything was sent (main validates, so this is a bug or a bad import). */
export function describeBadSettings(problem: string): RegisterFailure {
  return { cause: 'auth', detail: clip(`These account settings cannot be used: ${problem}`, MAX_DETAIL) };
}

/** Reason phrases are remote-controlled text: keep them short and printable. */
function reason(phrase: string | undefined): string {
  // eslint-disable-next-line no-control-regex -- stripping control characters is the point
  const text = (phrase ?? '').replace(/[\u0000-\u001f\u007f]/g, ' ').trim();
  return text ? ` ${clip(text, 100)}` : '';
}

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
