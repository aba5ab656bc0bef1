import type { CallPeer, CallSnapshot, CallState } from '../../common/schemas/call';
import { describeCallEnd, type CallEnd, type CallEnding } from './call-end-reason';

export type CallTransfer = NonNullable<CallSnapshot['transfer']>;

/**
 * What one call looks like to the rest of the app, plus the facts the SIP
 * engine saw along the way that decide how it ended. Plain TypeScript: the
 * sip.js glue (./sipjs/call-session.ts) writes here, snapshot() reads.
 *
 * ```
 *  outbound: dialing ──1xx (not 100)──► ringing ──2xx (ACK sent)──► active
 *  inbound:  incoming ──answer──► connecting ──ACK received──► active
 *            (a call that replaces one of ours starts at connecting: no ringing)
 *  active: held / muted / remoteHeld flags change freely
 *  any ──end(ending)──► ended   (once; the first reason wins)
 * ```
 */
export class CallRecord {
  readonly id: string;
  readonly direction: 'inbound' | 'outbound';
  readonly peer: CallPeer;
  readonly consultFor: string | null;
  readonly startedAt: number;
  state: CallState;
  muted = false;
  /** What the agent asked for (shown as `held`); `confirmedHeld` is what the peer last accepted. */
  held = false;
  confirmedHeld = false;
  remoteHeld = false;
  answeredAt: number | null = null;
  endedAt: number | null = null;
  end: CallEnd | null = null;
  transfer: CallTransfer | null = null;

  // ── facts for the end reason ──
  /** Final 3xx–6xx answer to our INVITE. */
  finalStatus: number | undefined;
  /** The caller's CANCEL (with its Reason header). */
  callerCancel: { reason: string | null } | undefined;
  cancelledByUs = false;
  remoteBye = false;
  /** A transfer involving this call is under way: if it ends now, it was transferred. */
  handingOver: 'local' | 'remote' | undefined;

  constructor(init: { id: string; direction: 'inbound' | 'outbound'; peer: CallPeer; consultFor: string | null; state: CallState; startedAt: number }) {
    this.id = init.id;
    this.direction = init.direction;
    this.peer = init.peer;
    this.consultFor = init.consultFor;
    this.state = init.state;
    this.startedAt = init.startedAt;
  }

  get ended(): boolean {
    return this.state === 'ended';
  }

  /** Answered: the call is live from now on. */
  activate(now: number): void {
    if (this.state === 'active' || this.ended) return;
    this.state = 'active';
    // The wall clock can step back mid-call (NTP): main refuses times out of order, and the call would miss the history.
    this.answeredAt = Math.max(now, this.startedAt);
  }

  /** Ends the call with this reason unless it already ended. Returns whether it did. */
  finish(ending: CallEnding, now: number): boolean {
    if (this.ended) return false;
    this.state = 'ended';
    this.end = describeCallEnd(ending);
    this.endedAt = Math.max(now, this.answeredAt ?? this.startedAt);
    return true;
  }

  /** How the call ended, judged from the facts seen (used when sip.js ends the session itself). */
  endingFromFacts(): CallEnding {
    if (this.finalStatus !== undefined) return { kind: 'rejected', statusCode: this.finalStatus, cancelledByUs: this.cancelledByUs };
    if (this.callerCancel) return { kind: 'cancelled-by-caller', reasonHeader: this.callerCancel.reason };
    if (this.cancelledByUs) return { kind: 'cancelled-by-us' };
    if (this.handingOver) return { kind: 'transferred', by: this.handingOver };
    if (this.remoteBye) return { kind: 'bye', by: 'remote' };
    if (this.state === 'incoming') return { kind: 'unanswered' };
    return { kind: 'error' };
  }

  /** How a local hang-up of an answered call ends it (a transfer under way makes it "transferred"). */
  localHangup(): CallEnding {
    return this.handingOver ? { kind: 'transferred', by: this.handingOver } : { kind: 'bye', by: 'local' };
  }

  snapshot(): CallSnapshot {
    return {
      id: this.id,
      direction: this.direction,
      peer: { ...this.peer },
      state: this.state,
      muted: this.muted,
      held: this.held,
      remoteHeld: this.remoteHeld,
      startedAt: this.startedAt,
      answeredAt: this.answeredAt,
      endedAt: this.endedAt,
      end: this.end ? { ...this.end } : null,
      transfer: this.transfer ? { ...this.transfer } : null,
      consultFor: this.consultFor,
    };
  }
}
