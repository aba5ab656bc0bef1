import type { FailureCause, FailureCode, FailureDetail } from '../../../common/schemas/engine';
import type { RegistrationFailure } from '../../../common/schemas/registration';

/**
 * Plain words for a registration failure, shared by the reachability
 * banner and "Test connection" so the agent reads the same sentence
 * everywhere. The engine and main send a cause, a status code and a detail
 * code; this is the one place in the window where they become words (the
 * tray's one-line summary is main/messages).
 */
export function describeFailure(failure: RegistrationFailure, wsServer?: string): string {
  const at: Where = {
    server: wsServer ?? 'the phone server',
    Server: wsServer ?? 'The phone server',
    status: statusText(failure.statusCode, failure.detail),
    code: failure.statusCode === undefined ? '' : ` (${failure.statusCode})`,
  };
  const detail = failure.detail;
  const specific = detail ? (DETAIL_TEXT[detail.code] as DetailText<FailureDetail>)(detail, at) : null;
  return specific ?? causeText(failure.cause, failure.statusCode, at, wsServer);
}

interface Where {
  /** The WebSocket address, or "the phone server" when it is not known. */
  server: string;
  /** The same at the start of a sentence. */
  Server: string;
  /** " (503 Service Unavailable)", " (404)" or "". */
  status: string;
  /**
   * " (401)" or "": a credentials problem keeps to the code, the reason
   * phrase ("Unauthorized", "Forbidden") only repeats the sentence.
   */
  code: string;
}

/** Words for one detail code, or null where the cause's own words say it best. */
type DetailText<D> = (detail: D, at: Where) => string | null;

const DETAIL_TEXT: { [C in FailureCode]: DetailText<Extract<FailureDetail, { code: C }>> } = {
  'network.unreachable': ({ withinSec }, at) =>
    withinSec === undefined ? null : `Cannot reach ${at.server} within ${withinSec} s. Check the address and your network.`,
  'network.lost': (_, at) => `Lost the connection to ${at.server}.`,
  'network.silent': ({ silentForSec }, at) => `${at.Server} stopped answering (nothing heard for ${silentForSec} s).`,
  'network.internal': () => 'The phone could not set up the connection (internal error).',
  'timeout.no-answer': ({ withinSec }, at) => (withinSec === undefined ? null : `${at.Server} did not answer within ${withinSec} s.`),
  'timeout.server': (_, at) => `${at.Server} timed out${at.status}.`,
  'server.refused': () => null,
  'server.redirect': (_, at) =>
    `The phone server redirected the registration${at.status}, which Ringdesk does not follow. Ask your administrator for the server's direct address.`,
  'server.interval-too-brief': () => null,
  'auth.rejected': () => null,
  'auth.realm-mismatch': ({ realm, expectedRealm }, at) =>
    `The server asks for realm "${realm}" but the password was set up for realm "${expectedRealm}"${at.code}. Set Realm to "${realm}".`,
  'account.unusable': ({ problem }) => `These account settings cannot be used${problem ? ` (${problem})` : ''}. Check them and save again.`,
  'registration.expired': (_, at) => `The registration with ${at.server} expired before it was refreshed.`,
  'registration.contact-missing': (_, at) => `${at.Server} answered the registration without confirming this phone's contact.`,
  'registration.ended': () => 'The registration ended unexpectedly.',
  'engine.stopping': () => 'The phone is shutting down.',
  'test.cancelled': () => 'The connection test was cancelled.',
  'test.failed': () => 'The connection test failed unexpectedly.',
};

/** What the cause alone says, for failures without a detail or whose detail adds nothing to it. */
function causeText(cause: FailureCause, code: number | undefined, at: Where, wsServer: string | undefined): string {
  switch (cause) {
    case 'auth':
      return `Wrong user name or password${at.code}. If your server uses a realm other than the domain, set Realm.`;
    case 'network':
      return wsServer ? `Cannot reach ${wsServer}. Check the address and your network.` : 'Cannot reach the phone server. Check your network.';
    case 'timeout':
      return `${at.Server} did not answer in time.`;
    case 'server':
      if (code === 404) return 'The server does not know this SIP user (404). Check the SIP user and domain.';
      if (code === 423) return 'The phone server refuses every registration interval Ringdesk can offer (423 Interval Too Brief). Ask your administrator to check the server\'s minimum registration time.';
      if (code !== undefined && code >= 500) return `The phone server has a problem${at.status}.`;
      return `The phone server refused the registration${at.status}.`;
  }
}

/** The status code and the server's reason phrase, as the server sent them. */
function statusText(code: number | undefined, detail: FailureDetail | undefined): string {
  if (code === undefined) return '';
  const reason = detail && 'reason' in detail ? detail.reason : undefined;
  return ` (${code}${reason ? ` ${reason}` : ''})`;
}
