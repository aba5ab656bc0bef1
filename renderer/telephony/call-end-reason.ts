import type { CallEndReason, CallSnapshot } from '../../common/schemas/call';

/** How a call ended, as its snapshot says it. */
export type CallEnd = NonNullable<CallSnapshot['end']>;

/**
 * How a call came to an end, as the SIP engine observed it: plain facts, no
 * sip.js types. {@link describeCallEnd} turns them into the words an agent
 * uses; it is the only place that knows which SIP status means what.
 */
export type CallEnding =
  /** Our INVITE got a final error (3xx–6xx). `cancelledByUs`: we had sent a CANCEL first. */
  | { kind: 'rejected'; statusCode: number; cancelledByUs: boolean }
  /** We gave up on our outgoing call before it was answered (CANCEL). */
  | { kind: 'cancelled-by-us' }
  /** The caller withdrew an incoming call (CANCEL), with the CANCEL's Reason header, if any. */
  | { kind: 'cancelled-by-caller'; reasonHeader: string | null }
  /** We refused an incoming call with this final status (603 Decline, 486 Busy Here, …). */
  | { kind: 'refused-by-us'; statusCode: number }
  /** An incoming call rang until the engine gave up (sip.js answers 480 after its no-answer timeout). */
  | { kind: 'unanswered' }
  /** An answered call ended with a BYE. */
  | { kind: 'bye'; by: 'local' | 'remote' }
  /** The call was handed on by a blind or attended transfer. */
  | { kind: 'transferred'; by: 'local' | 'remote' }
  /** The WebSocket to the SIP server closed: the call's signalling is gone. */
  | { kind: 'transport-lost' }
  /** The media path failed (ICE/DTLS failed). */
  | { kind: 'media-failed' }
  /** The microphone could not be opened: the peer would hear nothing. */
  | { kind: 'microphone-failed' }
  /** Anything else (an exception inside the SIP stack, a malformed answer, …). */
  | { kind: 'error' };

/**
 * The agent-facing end of a call.
 *
 * ```
 *  our INVITE answered 486/600 ─► busy          603 ─► declined
 *                      404/484/604 ─► not-found   480/410/503 ─► unavailable
 *                      408, 487 (not after our CANCEL) ─► no-answer
 *                      anything after our CANCEL ─► cancelled (local)
 *                      any other 3xx–6xx ─► failed
 *  caller's CANCEL ─► cancelled (remote)   … with Reason: SIP;cause=200 ─► answered-elsewhere
 *  BYE ─► hangup          REFER / Replaces ─► transferred
 *  WebSocket lost / media failed ─► network (system)   anything else ─► failed (system)
 * ```
 */
export function describeCallEnd(ending: CallEnding): CallEnd {
  switch (ending.kind) {
    case 'rejected':
      if (ending.cancelledByUs) return { reason: 'cancelled', by: 'local', statusCode: ending.statusCode };
      return { reason: reasonForStatus(ending.statusCode), by: 'remote', statusCode: ending.statusCode };
    case 'cancelled-by-us':
      return { reason: 'cancelled', by: 'local' };
    case 'cancelled-by-caller':
      return sipCause(ending.reasonHeader) === 200
        ? { reason: 'answered-elsewhere', by: 'remote' }
        : { reason: 'cancelled', by: 'remote' };
    case 'refused-by-us':
      return { reason: 'declined', by: 'local', statusCode: ending.statusCode };
    case 'unanswered':
      return { reason: 'no-answer', by: 'system', statusCode: 480 };
    case 'bye':
      return { reason: 'hangup', by: ending.by };
    case 'transferred':
      return { reason: 'transferred', by: ending.by };
    case 'transport-lost':
    case 'media-failed':
      return { reason: 'network', by: 'system' };
    case 'microphone-failed':
      return { reason: 'microphone', by: 'system' };
    case 'error':
      return { reason: 'failed', by: 'system' };
  }
}

/** What a final error status to our INVITE means to the agent (RFC 3261 §21, RFC 3398). */
export function reasonForStatus(statusCode: number): CallEndReason {
  switch (statusCode) {
    case 486:
    case 600:
      return 'busy';
    case 603:
      return 'declined';
    case 404:
    case 484:
    case 604:
      return 'not-found';
    case 410:
    case 480:
    case 503:
      return 'unavailable';
    case 408:
    case 487: // the server ended the attempt itself (its ring timeout): nobody answered
      return 'no-answer';
    default:
      return 'failed';
  }
}

/**
 * The SIP cause in a Reason header (RFC 3326), e.g. `SIP ;cause=200 ;text="Call completed elsewhere"`
 * gives 200. Q.850 causes and malformed headers give null.
 */
export function sipCause(reasonHeader: string | null): number | null {
  if (!reasonHeader) return null;
  for (const value of reasonHeader.split(',')) {
    const [protocol, ...params] = value.split(';').map((part) => part.trim());
    if (protocol?.toUpperCase() !== 'SIP') continue;
    for (const param of params) {
      const match = /^cause\s*=\s*(\d{3})$/i.exec(param);
      if (match) return Number(match[1]);
    }
  }
  return null;
}
