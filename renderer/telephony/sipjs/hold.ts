import { SessionState, type Session } from 'sip.js';
import type { CallRecord } from '../call-record';
import { attempt } from '../bounded-wait';
import { keepHoldInAnswers, sendHoldReinvite } from './dialog-requests';

/** RFC 3261 §14.1: after a 491, the Call-ID owner retries in 2.1–4 s (we retry in that window whichever side we are). */
const GLARE_RETRY_MIN_MS = 2_100;
const GLARE_RETRY_MAX_MS = 4_000;

/** What the hold negotiation needs from its call. */
export interface HoldNegotiatorHost {
  /** The call's sip.js session: the re-INVITEs go out on it. */
  readonly session: Session;
  /** `held` is what the agent asked for, `confirmedHeld` what the peer last accepted. */
  readonly record: Pick<CallRecord, 'held' | 'confirmedHeld'>;
  ended(): boolean;
  /** Sets the audio to match the record (after a refused resume put `held` back). */
  applyMedia(): void;
  /** Makes a record change and reports it. */
  update(change: () => unknown): void;
  log(error: unknown): void;
}

/**
 * One hold/resume re-INVITE at a time, until the peer has accepted what the
 * agent last asked for.
 *
 * A 491 (the peer's re-INVITE crossed ours) is retried once after 2.1–4 s
 * (RFC 3261 §14.1). A hold the peer refuses for good still holds the call
 * on our side: it stays `held`, our microphone and its audio stay off —
 * with a second call up, un-holding the first would let that caller hear
 * the other conversation. A refused resume leaves the call held (as it is
 * at the peer's end).
 */
export class HoldNegotiator {
  private inFlight = false;
  /** A 491 to the current hold/resume re-INVITE was already retried once. */
  private glareRetried = false;
  /** Waits out the 491 back-off before the retry. */
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  /** The peer refused our hold for good: the call is held on our side only. */
  private refused = false;

  constructor(private readonly host: HoldNegotiatorHost) {}

  /** The agent asks for a new hold state: it gets its own 491 retry. */
  newRequest(): void {
    this.glareRetried = false;
  }

  /** Sends the re-INVITE the record calls for, if any and if none is under way. */
  pump(): void {
    const { session, record } = this.host;
    if (this.host.ended() || this.inFlight || this.retryTimer !== undefined || session.state !== SessionState.Established) return;
    if (record.held === record.confirmedHeld) {
      if (this.refused) {
        // Back to what the peer has: nothing to send, but sip.js must stop answering its re-INVITEs "on hold".
        this.refused = false;
        void attempt(() => keepHoldInAnswers(session, record.confirmedHeld), this.host.log);
      }
      return;
    }
    if (this.refused) return; // refused for good: held on our side only, until the agent resumes
    const target = record.held;
    this.inFlight = true;
    void sendHoldReinvite(session, target, this.host.log).then((outcome) => {
      this.inFlight = false;
      if (this.host.ended()) return;
      if (outcome === 'accepted') {
        record.confirmedHeld = target;
        this.glareRetried = false;
      } else if (record.held === target) {
        if (outcome === 'glare' && !this.glareRetried) {
          this.glareRetried = true;
          this.retryTimer = setTimeout(() => {
            this.retryTimer = undefined;
            this.pump();
          }, GLARE_RETRY_MIN_MS + Math.random() * (GLARE_RETRY_MAX_MS - GLARE_RETRY_MIN_MS));
          return;
        }
        this.glareRetried = false;
        if (target) {
          this.refused = true; // keep `held` and the silence
        } else {
          this.host.update(() => (record.held = record.confirmedHeld)); // resume refused: still on hold at the peer
          this.host.applyMedia();
        }
      }
      this.pump();
    });
  }

  /** The call ended: no retry any more. */
  dispose(): void {
    clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
  }
}
