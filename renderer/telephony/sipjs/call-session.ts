import { Invitation, Inviter, SessionState, type Referral, type Session, type SessionDelegate, type URI } from 'sip.js';
import { MAX_PEER_DISPLAY_NAME_LENGTH, MAX_URI_LENGTH, MAX_USER_LENGTH, type CallPeer, type CallSnapshot } from '../../../common/schemas/call';
import type { CallEnding } from '../call-end-reason';
import { createSerialQueue } from '../../../common/serial-queue';
import { attempt } from '../bounded-wait';
import { CallRecord, type CallTransfer } from '../call-record';
import { dtmfDigits } from '../dtmf';
import { offerPutsUsOnHold } from '../sdp-hold';
import { AUDIO_ONLY, sendDtmfInfo, sendRefer } from './dialog-requests';
import { HoldNegotiator } from './hold';
import type { CallMedia } from './media';
import { referToUri } from './refer-to';

/** An accepted REFER must be followed by a NOTIFY within this long, ms (RFC 3515 §2.4.4: "immediately")… */
export const TRANSFER_FIRST_NOTIFY_MS = 30_000;
/** …and after a provisional one ("180 Ringing": the target may ring a while) by the next within this long, ms. */
export const TRANSFER_NEXT_NOTIFY_MS = 180_000;

export interface CallSessionHooks {
  /** The snapshot changed (the call may have ended). */
  changed(call: CallSession): void;
  /** The peer asks us to call someone else instead (incoming REFER). */
  referred(call: CallSession, referral: Referral): void;
  dtmfMode(): 'rfc4733' | 'info';
  log(error: unknown): void;
  now(): number;
}

export interface CallSessionInit {
  id: string;
  session: Inviter | Invitation;
  state: 'dialing' | 'incoming' | 'connecting';
  consultFor: string | null;
  media: CallMedia;
  hooks: CallSessionHooks;
}

/**
 * One call: the sip.js Session behind it (kept here, never handed out) and
 * its {@link CallRecord}. Turns sip.js events into record changes, and the
 * agent's actions into SIP: CANCEL / reject / BYE, hold re-INVITEs, DTMF,
 * REFER. Local actions end the record at once; sip.js finishes its
 * transactions in the background. When sip.js ends the session by itself
 * (final answer, CANCEL, BYE, timeouts) the record's facts give the reason.
 */
export class CallSession {
  readonly id: string;
  readonly media: CallMedia;
  private readonly record: CallRecord;
  private readonly session: Inviter | Invitation;
  private readonly hooks: CallSessionHooks;
  private readonly hold: HoldNegotiator;
  private readonly infoQueue = createSerialQueue((error) => this.hooks.log(error));
  /** Counts our REFERs: progress of an older one no longer touches the call. */
  private referAttempt = 0;
  /** Gives up on a transfer whose NOTIFY does not come. */
  private transferTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(init: CallSessionInit) {
    this.id = init.id;
    this.session = init.session;
    this.media = init.media;
    this.hooks = init.hooks;
    this.record = new CallRecord({
      id: init.id,
      direction: init.session instanceof Inviter ? 'outbound' : 'inbound',
      peer: peerOf(init.session),
      consultFor: init.consultFor,
      state: init.state,
      startedAt: init.hooks.now(),
    });
    this.hold = new HoldNegotiator({
      session: init.session,
      record: this.record,
      ended: () => this.isEnded,
      applyMedia: () => this.applyMedia(),
      update: (change) => this.update(change),
      log: init.hooks.log,
    });
    this.session.delegate = this.sessionDelegate();
    this.session.stateChange.addListener(this.onSessionState);
  }

  get isEnded(): boolean {
    return this.record.ended;
  }

  get state(): CallSnapshot['state'] {
    return this.record.state;
  }

  get peerUri(): string {
    return this.record.peer.uri;
  }

  /** The host of the agent's own AOR (where transfers the peer asks for may lead). */
  get ownDomain(): string {
    return this.session.userAgent.configuration.uri.host;
  }

  /** Whether this call is carried by that sip.js session (for Replaces). */
  owns(session: Session): boolean {
    return this.session === session;
  }

  snapshot(): CallSnapshot {
    return this.record.snapshot();
  }

  /** Outbound: sends the INVITE (as soon as the offer is ready). */
  dial(): void {
    if (!(this.session instanceof Inviter)) return;
    this.session
      .invite({
        requestDelegate: {
          onProgress: (response) => {
            if ((response.message.statusCode ?? 0) > 100 && this.record.state === 'dialing') this.update(() => (this.record.state = 'ringing'));
          },
          onReject: (response) => (this.record.finalStatus = response.message.statusCode),
          onRedirect: (response) => (this.record.finalStatus = response.message.statusCode),
        },
      })
      .catch((error: unknown) => this.hooks.log(error)); // sip.js ends the session; Terminated reports it
  }

  /** Inbound: 180 Ringing. */
  ring(): void {
    if (this.session instanceof Invitation) this.session.progress().catch((error: unknown) => this.hooks.log(error));
  }

  answer(): void {
    if (this.record.state !== 'incoming') return;
    this.update(() => (this.record.state = 'connecting'));
    this.acceptNow();
  }

  /** Sends 200 OK for a call that is already 'connecting' (answered, or replacing one of ours). */
  acceptNow(): void {
    if (!(this.session instanceof Invitation) || this.session.state !== SessionState.Initial) return;
    this.session.accept({ sessionDescriptionHandlerOptions: AUDIO_ONLY }).catch((error: unknown) => this.hooks.log(error));
  }

  decline(statusCode: 486 | 603): void {
    if (this.record.state !== 'incoming' || !(this.session instanceof Invitation)) return;
    const invitation = this.session;
    void attempt(() => invitation.reject({ statusCode }), this.hooks.log);
    this.finish({ kind: 'refused-by-us', statusCode });
  }

  /** CANCEL while dialling, reject while ringing in, BYE once answered. */
  hangup(): void {
    this.tearDown();
  }

  /** Ends the call for a reason of our own (its media failed …), tearing down the SIP side like hangup(). */
  abort(ending: CallEnding): void {
    this.tearDown(ending);
  }

  private tearDown(reason?: CallEnding): void {
    if (this.isEnded) return;
    const session = this.session;
    let ending: CallEnding;
    if (session.state === SessionState.Terminated) {
      ending = this.record.endingFromFacts();
    } else if (this.record.state === 'incoming' && session instanceof Invitation) {
      void attempt(() => session.reject({ statusCode: 603 }), this.hooks.log);
      ending = { kind: 'refused-by-us', statusCode: 603 };
    } else if (session instanceof Inviter && (session.state === SessionState.Initial || session.state === SessionState.Establishing)) {
      this.record.cancelledByUs = true;
      void attempt(() => session.cancel(), this.hooks.log);
      ending = { kind: 'cancelled-by-us' };
    } else {
      if (session instanceof Invitation && session.state === SessionState.Establishing) {
        void attempt(() => session.reject({ statusCode: 603 }), this.hooks.log); // answered, hung up before the 200 went out
      } else if (session.state === SessionState.Established) {
        void attempt(() => session.bye(), this.hooks.log); // sip.js waits for a pending ACK first
      }
      ending = this.record.localHangup();
    }
    this.finish(reason ?? ending);
  }

  setMuted(muted: boolean): void {
    if (this.isEnded || this.record.muted === muted) return;
    this.update(() => (this.record.muted = muted));
    this.applyMedia();
  }

  setHeld(held: boolean): void {
    if (this.isEnded || this.record.state === 'incoming' || this.record.held === held) return;
    this.hold.newRequest(); // a new request from the agent gets its own 491 retry
    this.update(() => (this.record.held = held));
    this.applyMedia(); // silence both ways at once; the re-INVITE tells the peer
    this.hold.pump();
  }

  /** RFC 4733 in the media when configured and possible, else one SIP INFO per digit, in order. */
  sendDtmf(input: string): void {
    const digits = dtmfDigits(input);
    if (this.record.state !== 'active' || !digits) return;
    if (this.hooks.dtmfMode() === 'rfc4733' && this.media.sendDtmf(digits)) return;
    for (const digit of digits) {
      void this.infoQueue.run(() =>
        this.isEnded || this.session.state !== SessionState.Established ? undefined : sendDtmfInfo(this.session, digit, this.hooks.log),
      );
    }
  }

  /**
   * REFERs the peer to `target`. On a 2xx NOTIFY `succeeded` runs; on a
   * refused REFER or a failure NOTIFY the transfer shows 'failed' and the call stays.
   *
   * A peer that accepts the REFER but never reports (no NOTIFY within
   * {@link TRANSFER_FIRST_NOTIFY_MS}, or none after a provisional one within
   * {@link TRANSFER_NEXT_NOTIFY_MS}) fails the transfer too, so it is never
   * 'pending' for ever; the call stays. A 2xx NOTIFY that still comes later
   * completes it after all (the peer did reach the target).
   */
  refer(target: URI, transfer: Omit<CallTransfer, 'status'>, outcome: { succeeded(): void; failed(): void }): void {
    if (this.record.state !== 'active' || this.session.state !== SessionState.Established || this.record.transfer?.status === 'pending') {
      this.failTransfer(transfer);
      outcome.failed();
      return;
    }
    this.clearTransferTimer();
    const attempt = (this.referAttempt += 1);
    let timedOut = false;
    this.update(() => (this.record.transfer = { ...transfer, status: 'pending' }));
    const current = (): boolean => attempt === this.referAttempt && !this.isEnded;
    const settleAs = (status: 'accepted' | 'failed'): void => {
      this.clearTransferTimer();
      this.update(() => (this.record.transfer = { ...transfer, status }));
      if (status === 'accepted') outcome.succeeded();
      else outcome.failed();
    };
    const waitForNotify = (ms: number): void => {
      this.clearTransferTimer();
      this.transferTimer = setTimeout(() => {
        this.transferTimer = undefined;
        if (!current() || this.record.transfer?.status !== 'pending') return;
        timedOut = true;
        settleAs('failed');
      }, ms);
    };
    const progressed = (progress: 'trying' | 'succeeded' | 'failed'): void => {
      if (!current()) return;
      const status = this.record.transfer?.status;
      if (status === 'pending' && progress === 'trying') return waitForNotify(TRANSFER_NEXT_NOTIFY_MS);
      if (status === 'pending' && progress !== 'trying') return settleAs(progress === 'succeeded' ? 'accepted' : 'failed');
      if (status === 'failed' && timedOut && progress === 'succeeded') {
        timedOut = false;
        settleAs('accepted'); // we had given up waiting, but the peer did reach the target
      }
    };
    waitForNotify(TRANSFER_FIRST_NOTIFY_MS);
    sendRefer(this.session, target, progressed, this.hooks.log);
  }

  failTransfer(transfer: Omit<CallTransfer, 'status'>): void {
    if (!this.isEnded) this.update(() => (this.record.transfer = { ...transfer, status: 'failed' }));
  }

  /** Refer-To for an attended transfer *to this call's peer*, replacing this call's dialog; undefined unless answered. */
  replacingReferTo(): URI | undefined {
    const dialog = this.session.dialog;
    if (this.session.state !== SessionState.Established || !dialog) return undefined;
    return referToUri(this.session.remoteIdentity.uri, { callId: dialog.callId, toTag: dialog.remoteTag, fromTag: dialog.localTag });
  }

  /** A transfer involving this call is under way: if the call ends now, it was transferred. */
  expectHandOver(by: 'local' | 'remote' | undefined): void {
    this.record.handingOver = by;
  }

  /** The transfer is done: BYE (if still up) and end as transferred. */
  handOver(by: 'local' | 'remote'): void {
    if (this.isEnded) return;
    this.record.handingOver = by;
    this.hangup();
  }

  /** The signalling connection is gone: end now and let sip.js drop what it can. */
  lose(): void {
    if (this.isEnded) return;
    this.finish({ kind: 'transport-lost' });
    void attempt(() => this.session.dispose());
  }

  /** Ends the call (once): frees its media and tells the registry. */
  finish(ending: CallEnding): void {
    if (this.isEnded) return;
    this.clearTransferTimer();
    this.hold.dispose();
    this.session.stateChange.removeListener(this.onSessionState);
    this.media.close();
    this.update(() => this.record.finish(ending, this.hooks.now()));
  }

  private readonly onSessionState = (state: SessionState): void => {
    if (state === SessionState.Established) {
      if (this.record.direction === 'outbound') this.activate(); // inbound: on the ACK
      this.hold.pump();
    } else if (state === SessionState.Terminated) {
      // sip.js announces Terminated before it hands over the final response: judge a moment later.
      queueMicrotask(() => this.finish(this.record.endingFromFacts()));
    }
  };

  private sessionDelegate(): SessionDelegate {
    const log = this.hooks.log;
    return {
      onSessionDescriptionHandler: (handler) => this.media.attach(handler),
      onBye: (bye) => {
        this.record.remoteBye = true;
        bye.accept().catch(log);
      },
      onCancel: (cancel) => {
        this.record.callerCancel = { reason: cancel.request.getHeader('reason') ?? null };
      },
      onAck: (ack) => {
        if (this.record.state === 'connecting') this.activate();
        else if (ack.request.body) this.noteRemoteSdp(ack.request.body); // the peer's answer to our offer (offerless re-INVITE)
      },
      onInvite: (request, _response, statusCode) => {
        if (statusCode === 200 && request.body) this.noteRemoteSdp(request.body);
      },
      onInfo: (info) => void info.accept().catch(log),
      onNotify: (notification) => void notification.accept().catch(log),
      onRefer: (referral) => {
        if (this.isEnded) void referral.reject().catch(log);
        else this.hooks.referred(this, referral);
      },
    };
  }

  private clearTransferTimer(): void {
    clearTimeout(this.transferTimer);
    this.transferTimer = undefined;
  }

  private activate(): void {
    if (this.record.state === 'active' || this.isEnded) return;
    this.update(() => this.record.activate(this.hooks.now()));
  }

  /** The peer's re-INVITE (or its answer) says whether it holds us. */
  private noteRemoteSdp(sdp: string): void {
    const held = offerPutsUsOnHold(sdp);
    if (held !== this.record.remoteHeld && !this.isEnded) this.update(() => (this.record.remoteHeld = held));
  }

  private applyMedia(): void {
    this.media.setSending(!this.record.muted && !this.record.held);
    this.media.setReceiving(!this.record.held);
  }

  private update(change: () => unknown): void {
    change();
    this.hooks.changed(this);
  }
}

function peerOf(session: Inviter | Invitation): CallPeer {
  const identity = session.remoteIdentity;
  return {
    uri: identity.uri.toString().slice(0, MAX_URI_LENGTH),
    user: (identity.uri.user ?? '').slice(0, MAX_USER_LENGTH),
    displayName: identity.displayName ? identity.displayName.slice(0, MAX_PEER_DISPLAY_NAME_LENGTH) : null,
  };
}
