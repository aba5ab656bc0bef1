import { Inviter, UserAgent, type Invitation, type Referral } from 'sip.js';
import { MAX_URI_LENGTH, MAX_USER_LENGTH, type CallSnapshot } from '../../../common/schemas/call';
import { userOf } from '../../domain/dial-target';
import { attempt } from '../bounded-wait';
import { CallRecord } from '../call-record';
import type { MicrophoneSource } from '../microphone-source';
import { CallSession, type CallSessionHooks } from './call-session';
import { CallMedia } from './media';
import { referTargetAllowed, referToUri } from './refer-to';
import type { MediaOptions } from '../telephony';

export interface CallRegistryDeps {
  /** The connected UserAgent to place calls with, if any. */
  userAgent(): UserAgent | undefined;
  /** The shared microphone (null: none, e.g. unit tests with a fake media handler). */
  microphone: MicrophoneSource | null;
  /** Where remote audio elements go (null without a DOM). */
  document: Document | null;
  log(error: unknown): void;
  /** Something the agent may want to know but that does not stop the call (a device fallback). */
  warn(message: string): void;
  now?(): number;
  newId?(): string;
}

/**
 * Every call of the engine, by id. The port's call methods land here; each
 * call's own work is in ./call-session.ts. After every change the
 * listeners get the whole list; a call that ended is in it once more, with
 * state 'ended', and then dropped.
 *
 * Transfers, from all three sides:
 * - transferor: blindTransfer / completeTransfer send REFER; a 2xx NOTIFY ends
 *   the call (and for an attended transfer the consultation call) 'transferred'.
 * - transferee: a REFER to a sip:/sips: target in the account's own domain is
 *   accepted and places a new outbound call; once that call is answered the old
 *   one ends 'transferred' (if the transferor has not ended it). Any other
 *   target is declined (603) and the call stays as it is.
 * - transfer target: an INVITE whose Replaces names one of our calls is
 *   answered at once (no ringing) and the replaced call ends 'transferred'.
 */
export class CallRegistry {
  private readonly calls = new Map<string, CallSession>();
  private readonly listeners = new Set<(calls: CallSnapshot[]) => void>();
  /** Transferee or transfer target: new call id → the call it takes over from. */
  private readonly takingOver = new Map<string, CallSession>();
  private mediaOptions: MediaOptions = { microphoneId: null, speakerId: null, dtmfMode: 'rfc4733' };
  private readonly hooks: CallSessionHooks;
  private sequence = 0;

  constructor(private readonly deps: CallRegistryDeps) {
    this.hooks = {
      changed: (call) => this.changed(call),
      referred: (call, referral) => this.referred(call, referral),
      dtmfMode: () => this.mediaOptions.dtmfMode,
      log: (error) => this.deps.log(error),
      now: () => (this.deps.now ? this.deps.now() : Date.now()),
    };
  }

  onCallsChanged(listener: (calls: CallSnapshot[]) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Places a call; the new 'dialing' call is announced before this returns. */
  dial(targetUri: string, consultFor?: string): string {
    const id = this.newId();
    const ua = this.deps.userAgent();
    const target = UserAgent.makeURI(targetUri.trim());
    if (!ua || !target) {
      this.stillborn(id, targetUri, consultFor, ua ? 'error' : 'transport-lost');
      return id;
    }
    let inviter: Inviter;
    try {
      inviter = new Inviter(ua, target, {
        // A 183 with SDP plays (ringback, announcements). sip.js then needs the INVITE
        // not to fork to several phones that all send early media (it drops the call).
        earlyMedia: true,
        sessionDescriptionHandlerOptions: { constraints: { audio: this.microphoneConstraint(), video: false } },
      });
    } catch (error) {
      this.deps.log(error);
      this.stillborn(id, targetUri, consultFor, 'error');
      return id;
    }
    const call = this.add(id, inviter, 'dialing', consultFor && this.calls.has(consultFor) ? consultFor : null);
    call.dial();
    return id;
  }

  /** An INVITE the agent may take (Do Not Disturb was checked by the caller). */
  incoming(invitation: Invitation): void {
    const replacee = invitation.replacee;
    const replaced = replacee ? [...this.calls.values()].find((call) => call.owns(replacee) && !call.isEnded) : undefined;
    if (replaced) {
      // Attended transfer to us: this call takes over one we already have. No ringing.
      replaced.expectHandOver('remote');
      const call = this.add(this.newId(), invitation, 'connecting', null);
      this.takingOver.set(call.id, replaced);
      call.acceptNow(); // sip.js BYEs the replaced call once this one is up
      return;
    }
    const call = this.add(this.newId(), invitation, 'incoming', null);
    call.ring();
  }

  answer(callId: string): void {
    this.calls.get(callId)?.answer();
  }

  decline(callId: string, response: 'decline' | 'busy' = 'decline'): void {
    this.calls.get(callId)?.decline(response === 'busy' ? 486 : 603);
  }

  hangup(callId: string): void {
    this.calls.get(callId)?.hangup();
  }

  setMuted(callId: string, muted: boolean): void {
    this.calls.get(callId)?.setMuted(muted);
  }

  setHeld(callId: string, held: boolean): void {
    this.calls.get(callId)?.setHeld(held);
  }

  sendDtmf(callId: string, digits: string): void {
    this.calls.get(callId)?.sendDtmf(digits);
  }

  blindTransfer(callId: string, targetUri: string): void {
    const call = this.calls.get(callId);
    if (!call || call.isEnded) return;
    const target = UserAgent.makeURI(targetUri.trim());
    const transfer = { kind: 'blind' as const, target: targetUri.slice(0, MAX_URI_LENGTH) };
    if (!target) return call.failTransfer(transfer);
    call.refer(referToUri(target), transfer, { succeeded: () => call.handOver('local'), failed: () => undefined });
  }

  completeTransfer(callId: string, consultCallId: string): void {
    const call = this.calls.get(callId);
    const consult = this.calls.get(consultCallId);
    if (!call || call.isEnded || callId === consultCallId) return;
    const transfer = { kind: 'attended' as const, target: (consult?.peerUri ?? '').slice(0, MAX_URI_LENGTH) };
    const referTo = consult && !consult.isEnded ? consult.replacingReferTo() : undefined;
    if (!consult || !referTo) return call.failTransfer(transfer);
    consult.expectHandOver('local'); // the target will BYE it once it has taken our peer over
    call.refer(referTo, transfer, {
      succeeded: () => {
        call.handOver('local');
        consult.handOver('local');
      },
      failed: () => consult.expectHandOver(undefined),
    });
  }

  /** Applies to new calls and to live ones (speaker at once, microphone by replaceTrack). */
  configureMedia(options: MediaOptions): void {
    const previous = this.mediaOptions;
    this.mediaOptions = { ...options };
    if (options.speakerId !== previous.speakerId) {
      for (const call of this.calls.values()) call.media.setSpeaker(options.speakerId);
    }
    const microphone = this.deps.microphone;
    if (microphone?.setDevice(options.microphoneId)) {
      for (const call of this.calls.values()) {
        if (call.isEnded || call.state === 'incoming') continue; // not sending yet: it will use the new one
        microphone.track().then(
          (track) => call.media.useMicrophone(track),
          (error: unknown) => this.deps.log(error),
        );
      }
    }
  }

  /** Hangs up every call (CANCEL / reject / BYE by state). */
  hangupAll(): void {
    for (const call of [...this.calls.values()]) call.hangup();
  }

  /** The WebSocket is gone: every call ends 'network' (its dialog cannot continue over a new connection). */
  connectionLost(): void {
    for (const call of [...this.calls.values()]) call.lose();
  }

  private add(id: string, session: Inviter | Invitation, state: 'dialing' | 'incoming' | 'connecting', consultFor: string | null): CallSession {
    const media = new CallMedia(id, {
      document: this.deps.document,
      speakerId: this.mediaOptions.speakerId,
      onFailure: (what) => {
        const call = this.calls.get(id);
        if (!call || call.isEnded) return;
        // ICE/DTLS failed, or no microphone (the peer would hear nothing): end it, saying why.
        call.abort(what === 'connection' ? { kind: 'media-failed' } : { kind: 'microphone-failed' });
      },
      log: (message) => this.deps.warn(message),
    });
    const call = new CallSession({ id, session, state, consultFor, media, hooks: this.hooks });
    this.calls.set(id, call);
    this.deps.microphone?.retain(id); // open it now: by the time media is set up it is ready
    this.emit();
    return call;
  }

  private referred(call: CallSession, referral: Referral): void {
    let allowed = false;
    try {
      allowed = referTargetAllowed(referral.referTo.uri, call.ownDomain);
    } catch (error) {
      this.deps.log(error); // no usable Refer-To
    }
    if (!allowed) {
      // Not a transfer within our own domain: decline it, the call goes on as it was.
      void attempt(() => referral.reject({ statusCode: 603 }), (error) => this.deps.log(error));
      this.deps.warn('Declined a transfer request from the other party: its target is outside this account\'s domain');
      return;
    }
    let inviter: Inviter;
    try {
      void referral.accept().catch((error: unknown) => this.deps.log(error));
      inviter = referral.makeInviter({ earlyMedia: true, sessionDescriptionHandlerOptions: { constraints: { audio: this.microphoneConstraint(), video: false } } });
    } catch (error) {
      this.deps.log(error);
      return;
    }
    call.expectHandOver('remote'); // a BYE from the transferor now means "transferred"
    const next = this.add(this.newId(), inviter, 'dialing', null);
    this.takingOver.set(next.id, call);
    next.dial();
  }

  private changed(call: CallSession): void {
    const old = this.takingOver.get(call.id);
    if (old && (call.state === 'active' || call.isEnded)) {
      this.takingOver.delete(call.id);
      if (call.state === 'active') old.handOver('remote');
      else old.expectHandOver(undefined); // the new call failed: the old one stays as it is
    }
    if (call.isEnded) this.deps.microphone?.release(call.id);
    this.emit();
  }

  private emit(): void {
    const snapshots = [...this.calls.values()].map((call) => call.snapshot());
    for (const [id, call] of this.calls) if (call.isEnded) this.calls.delete(id);
    this.publish(snapshots);
  }

  private publish(snapshots: CallSnapshot[]): void {
    for (const listener of [...this.listeners]) {
      try {
        listener(snapshots);
      } catch (error) {
        this.deps.log(error);
      }
    }
  }

  /** A call that could not even start: announced once, already ended. */
  private stillborn(id: string, targetUri: string, consultFor: string | undefined, kind: 'transport-lost' | 'error'): void {
    const uri = targetUri.slice(0, MAX_URI_LENGTH);
    const record = new CallRecord({
      id,
      direction: 'outbound',
      peer: { uri, user: (userOf(uri) ?? uri).slice(0, MAX_USER_LENGTH), displayName: null },
      consultFor: consultFor ?? null,
      state: 'dialing',
      startedAt: this.hooks.now(),
    });
    record.finish({ kind }, this.hooks.now());
    this.publish([...[...this.calls.values()].map((call) => call.snapshot()), record.snapshot()]);
  }

  private microphoneConstraint(): MediaTrackConstraints | boolean {
    return this.mediaOptions.microphoneId ? { deviceId: { exact: this.mediaOptions.microphoneId } } : true;
  }

  private newId(): string {
    if (this.deps.newId) return this.deps.newId();
    this.sequence += 1;
    const random = globalThis.crypto?.randomUUID?.() ?? `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
    return `call-${this.sequence}-${random}`;
  }
}
