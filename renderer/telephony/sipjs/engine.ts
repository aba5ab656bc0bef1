import type { Invitation, UserAgentOptions } from 'sip.js';
import type { EngineAccount } from '../../../common/schemas/account';
import type { CallSnapshot } from '../../../common/schemas/call';
import type { EngineCommand, EngineReport, IncomingPolicy, ProbeResult } from '../../../common/schemas/engine';
import { ICE_GATHERING_CAP_MS } from '../ice-gathering';
import { browserMicrophone, type MicrophoneSource } from '../microphone-source';
import { attempt } from '../bounded-wait';
import { decideIncoming } from '../incoming-policy';
import { createSipLogConnector, type SipLogSink } from '../redact-sip-log';
import { CallRegistry } from './calls';
import type { ConnectionDeps } from './connection';
import { probeRegistration } from './probe';
import { SipRegistration } from './registration';
import { ringdeskSessionDescriptionHandlerFactory } from './session-description-handler';
import type { MediaOptions, Telephony } from '../telephony';

export interface SipJsTelephonyOptions {
  /** Replaces sip.js's WebSocket transport (unit tests). */
  transportConstructor?: UserAgentOptions['transportConstructor'];
  /** Replaces the WebRTC media handler of every call (unit tests: no WebRTC needed). */
  sessionDescriptionHandlerFactory?: UserAgentOptions['sessionDescriptionHandlerFactory'];
  /** The shared microphone. Default: getUserMedia where it exists; none with a replaced media handler. */
  microphone?: MicrophoneSource | null;
  /** Where call audio elements go. Default: the page's document, if any. */
  document?: Document | null;
  /** Receives sip.js warnings and errors, already stripped of anything credential-like. Default: console. */
  log?: SipLogSink;
  /** How long an un-REGISTER may take before we stop anyway. Default 2000 ms. */
  unregisterTimeoutMs?: number;
}

const defaultLog: SipLogSink = (level, line) => (level === 'error' ? console.error(line) : console.warn(line));

/**
 * The sip.js engine behind the {@link Telephony} port. Main decides; this
 * carries out each command and reports every transition, once. It never
 * retries by itself (main's lifecycle machine owns back-off) and never throws
 * out of execute().
 *
 * Registration commands go to ./registration.ts ({@link SipRegistration}:
 * which connection to use or reuse, re-REGISTER or reopen, one report per
 * attempt — its TSDoc has the state diagram); its reports are this engine's.
 * `probe()` uses its own throwaway UserAgent and never touches that machine.
 * Incoming INVITEs are decided by ../incoming-policy.ts (Do Not Disturb).
 *
 * Calls go to ./calls.ts (one registry per engine, placing calls on the
 * live UserAgent). Calls end when their connection goes: a lost or dropped
 * WebSocket ends them as 'network'; unregister, an account change (other than
 * the display name alone) and dispose() hang them up first (BYE / CANCEL / 603).
 */
export function createSipJsTelephony(options: SipJsTelephonyOptions = {}): Telephony {
  return new SipJsTelephony(options);
}

class SipJsTelephony implements Telephony {
  private readonly listeners = new Set<(report: EngineReport) => void>();
  private readonly unregisterTimeoutMs: number;
  private readonly log: SipLogSink;
  private policy: IncomingPolicy = 'ring';
  /** Registration commands run one after another there; a newer one supersedes an older one. */
  private readonly registration: SipRegistration;
  private readonly probes = new Set<{ abort: AbortController; cleanedUp: Promise<void> }>();
  private disposed = false;
  private readonly calls: CallRegistry;
  private readonly sessionDescriptionHandlerFactory: UserAgentOptions['sessionDescriptionHandlerFactory'];

  constructor(private readonly options: SipJsTelephonyOptions) {
    this.unregisterTimeoutMs = options.unregisterTimeoutMs ?? 2000;
    this.log = options.log ?? defaultLog;
    // The real microphone, unless tests replaced the media handler (then there is none).
    const microphone =
      options.microphone !== undefined
        ? options.microphone
        : options.sessionDescriptionHandlerFactory
          ? null
          : browserMicrophone((line) => this.log('warn', `[ringdesk.telephony] ${line}`));
    this.sessionDescriptionHandlerFactory =
      options.sessionDescriptionHandlerFactory ??
      ringdeskSessionDescriptionHandlerFactory(() => (microphone ? microphone.track() : Promise.reject(new Error('No microphone available'))));
    this.calls = new CallRegistry({
      userAgent: () => (this.disposed ? undefined : this.registration.userAgent),
      microphone,
      document: options.document !== undefined ? options.document : typeof document === 'undefined' ? null : document,
      log: (error) => this.logError(error),
      warn: (message) => this.logWarning(message),
    });
    this.registration = new SipRegistration({
      report: (report) => this.report(report),
      connectionDeps: (account) => ({
        ...this.baseDeps(account),
        sessionDescriptionHandlerFactory: this.sessionDescriptionHandlerFactory,
        iceGatheringTimeoutMs: ICE_GATHERING_CAP_MS,
      }),
      unregisterTimeoutMs: this.unregisterTimeoutMs,
      hangupAll: () => this.guard(() => this.calls.hangupAll()),
      connectionLost: () => this.calls.connectionLost(),
      invite: (invitation) => this.answerIncoming(invitation),
      logError: (error) => this.logError(error),
    });
  }

  // ── calls: ./calls.ts does the work; guard() keeps every throw inside ──

  dial(targetUri: string, options: { consultFor?: string } = {}): string {
    return this.guard(() => this.calls.dial(targetUri, options.consultFor)) ?? `failed-${Date.now()}`;
  }
  answer(callId: string): void { this.guard(() => this.calls.answer(callId)); }
  decline(callId: string, response?: 'decline' | 'busy'): void { this.guard(() => this.calls.decline(callId, response)); }
  hangup(callId: string): void { this.guard(() => this.calls.hangup(callId)); }
  setMuted(callId: string, muted: boolean): void { this.guard(() => this.calls.setMuted(callId, muted)); }
  setHeld(callId: string, held: boolean): void { this.guard(() => this.calls.setHeld(callId, held)); }
  sendDtmf(callId: string, digits: string): void { this.guard(() => this.calls.sendDtmf(callId, digits)); }
  blindTransfer(callId: string, targetUri: string): void { this.guard(() => this.calls.blindTransfer(callId, targetUri)); }
  completeTransfer(callId: string, consultCallId: string): void { this.guard(() => this.calls.completeTransfer(callId, consultCallId)); }
  onCallsChanged(listener: (calls: CallSnapshot[]) => void): () => void { return this.calls.onCallsChanged(listener); }
  configureMedia(options: MediaOptions): void { this.guard(() => this.calls.configureMedia(options)); }

  execute(command: EngineCommand): void {
    try {
      if (this.disposed) return;
      if (command.type === 'set-incoming') {
        this.policy = command.incoming;
        return;
      }
      if (command.type === 'unregister') return this.registration.unregister();
      this.policy = command.incoming;
      this.registration.register(command.account, command.type === 'reconnect');
    } catch (error) {
      this.logError(error);
    }
  }

  probe(account: EngineAccount, options: { timeoutMs?: number } = {}): Promise<ProbeResult> {
    if (this.disposed) return Promise.resolve({ ok: false, cause: 'network', detail: { code: 'engine.stopping' } });
    const abort = new AbortController();
    let started: ReturnType<typeof probeRegistration>;
    try {
      started = probeRegistration(account, this.baseDeps(account), {
        timeoutMs: options.timeoutMs ?? 8000,
        unregisterTimeoutMs: this.unregisterTimeoutMs,
        signal: abort.signal,
      });
    } catch (error) {
      this.logError(error);
      return Promise.resolve({ ok: false, cause: 'network', detail: { code: 'test.failed' } });
    }
    const { result, cleanedUp } = started;
    // dispose() aborts running probes and waits for their cleanup
    const probe = { abort, cleanedUp: cleanedUp.catch((error: unknown) => this.logError(error)) };
    this.probes.add(probe);
    void probe.cleanedUp.finally(() => this.probes.delete(probe));
    return result;
  }

  onReport(listener: (report: EngineReport) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async dispose(): Promise<void> {
    if (this.disposed) return this.registration.idle();
    this.disposed = true;
    this.guard(() => this.calls.hangupAll());
    this.registration.unregister();
    const probes = [...this.probes];
    probes.forEach((probe) => probe.abort.abort());
    await Promise.all([this.registration.idle(), ...probes.map((probe) => probe.cleanedUp)]);
    this.listeners.clear();
  }

  /** What every UserAgent of this engine gets: the filtered log and, in tests, the fake transport. */
  private baseDeps(account: EngineAccount): Omit<ConnectionDeps, 'observer'> {
    return {
      logConnector: createSipLogConnector(this.log, [account.authorizationHa1]),
      ...(this.options.transportConstructor ? { transportConstructor: this.options.transportConstructor } : {}),
    };
  }

  private guard<T>(step: () => T): T | undefined {
    try {
      return step();
    } catch (error) {
      this.logError(error);
      return undefined;
    }
  }

  private answerIncoming(invitation: Invitation): void {
    const decision = decideIncoming({ policy: this.policy, replacesOurCall: invitation.replacee !== undefined });
    switch (decision.kind) {
      case 'reject':
        void attempt(() => invitation.reject({ statusCode: decision.statusCode }), (error) => this.logError(error));
        return;
      case 'ring':
        this.guard(() => this.calls.incoming(invitation));
        return;
    }
  }

  private report(report: EngineReport): void {
    for (const listener of [...this.listeners]) {
      try {
        listener(report);
      } catch (error) {
        this.logError(error);
      }
    }
  }

  private logWarning(message: string): void {
    try {
      this.log('warn', `[ringdesk.telephony] ${message}`);
    } catch {
      // nowhere left to tell
    }
  }

  private logError(error: unknown): void {
    try {
      this.log('error', `[ringdesk.telephony] ${error instanceof Error ? error.message : String(error)}`);
    } catch {
      // nowhere left to tell
    }
  }
}
