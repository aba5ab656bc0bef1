import type { Invitation, UserAgentOptions } from 'sip.js';
import type { EngineAccount } from '../../../common/schemas/account';
import type { CallSnapshot } from '../../../common/schemas/call';
import type { EngineCommand, EngineReport, IncomingPolicy, ProbeResult } from '../../../common/schemas/engine';
import { createSerialQueue } from '../../../common/serial-queue';
import { ICE_GATHERING_CAP_MS } from '../ice-gathering';
import { browserMicrophone, type MicrophoneSource } from '../microphone-source';
import { sameAccount, sameIdentity } from '../account-identity';
import { attempt, signal } from '../bounded-wait';
import { decideIncoming } from '../incoming-policy';
import { createSipLogConnector, type SipLogSink } from '../redact-sip-log';
import { describeBadSettings, describeConnectFailure, type RegisterFailure } from '../registration-failure';
import { CallRegistry } from './calls';
import { CONNECT_TIMEOUT_SEC, SipConnection, type ConnectionDeps } from './connection';
import { probeRegistration } from './probe';
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
 * ```
 *   idle / failed / unregistered
 *        │ register, reconnect
 *        ▼
 *   registering ───── 200 OK ──────────────────────────► registered ──┐ refresh 200 OK at ~80 % of
 *        │                                                 │    ▲     │ the granted lifetime:
 *        │ 401/403/407 after the digest ► failed(auth)     │    └─────┘ 'registered' again
 *        │ other 3xx–6xx                ► failed(server)   │
 *        │ WebSocket won't open         ► failed(network)  │ WebSocket closed, or silent 30 s and
 *        │                                                 │ our CRLF probe unanswered 5 s ► failed(network)
 *        │ no answer (Timer F, 32 s)    ► failed(timeout)  │ refresh 401/403/407 ► failed(auth)
 *                                                          │ refresh other error ► failed(server)
 *                                                          │ unanswered until expiry ► failed(timeout)
 *
 *   any state ── unregister ──► un-REGISTER if registered (answer awaited ≤ 2 s),
 *                               stop the UserAgent ──► unregistered
 * ```
 * A failure is reported once per attempt; the next attempt starts with
 * 'registering'. `probe()` uses its own throwaway UserAgent and never
 * touches this machine.
 *
 * 'reconnect' with the same account re-REGISTERs on the WebSocket if it is
 * still open, so live calls survive (main sends it after any registration
 * failure, on resume, when the network returns, on "Retry now" and on save);
 * only a closed socket, or a re-REGISTER on it that fails the network way
 * (transport error, no answer), makes it drop and reopen the socket.
 *
 * Calls go to ./calls.ts (one registry per engine, placing calls on the
 * live UserAgent). Calls end when their connection goes: a lost or dropped
 * WebSocket ends them as 'network'; unregister, an account change (other than
 * the display name alone) and dispose() hang them up first (BYE / CANCEL / 603).
 */
export function createSipJsTelephony(options: SipJsTelephonyOptions = {}): Telephony {
  return new SipJsTelephony(options);
}

type Phase = 'idle' | 'registering' | 'registered' | 'failed' | 'unregistered';

class SipJsTelephony implements Telephony {
  private readonly listeners = new Set<(report: EngineReport) => void>();
  private readonly unregisterTimeoutMs: number;
  private readonly log: SipLogSink;
  private policy: IncomingPolicy = 'ring';
  private phase: Phase = 'idle';
  private connection: SipConnection | undefined;
  /** Commands run one after another; a newer register command supersedes an older one. */
  private readonly queue = createSerialQueue((error) => this.logError(error));
  private generation = 0;
  private superseded = signal();
  private readonly probes = new Set<{ abort: AbortController; cleanedUp: Promise<void> }>();
  private disposed = false;
  /** A reconnect is re-registering on this still-open connection (a network-class failure reopens it). */
  private reRegistering: SipConnection | undefined;
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
      userAgent: () => (!this.disposed && this.connection?.connected ? this.connection.userAgent : undefined),
      microphone,
      document: options.document !== undefined ? options.document : typeof document === 'undefined' ? null : document,
      log: (error) => this.logError(error),
      warn: (message) => this.logWarning(message),
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
      if (command.type !== 'unregister') this.policy = command.incoming;
      const generation = this.supersede();
      this.enqueue(() =>
        command.type === 'unregister' ? this.stop() : this.start(command.account, command.type === 'reconnect', generation),
      );
    } catch (error) {
      this.logError(error);
    }
  }

  probe(account: EngineAccount, options: { timeoutMs?: number } = {}): Promise<ProbeResult> {
    if (this.disposed) return Promise.resolve({ ok: false, cause: 'network', detail: 'The phone is shutting down' });
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
      return Promise.resolve({ ok: false, cause: 'network', detail: 'The connection test failed unexpectedly' });
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
    if (this.disposed) return this.queue.idle();
    this.disposed = true;
    this.guard(() => this.calls.hangupAll());
    this.supersede();
    const probes = [...this.probes];
    probes.forEach((probe) => probe.abort.abort());
    this.enqueue(() => this.stop());
    await Promise.all([this.queue.idle(), ...probes.map((probe) => probe.cleanedUp)]);
    this.listeners.clear();
  }

  /** register / reconnect: (re)connect if needed, then REGISTER. */
  private async start(account: EngineAccount, reconnect: boolean, generation: number): Promise<void> {
    if (generation !== this.generation) return;
    this.report({ state: 'registering' });
    try {
      await this.connectAndRegister(account, reconnect ? 'reconnect' : 'register', generation);
    } catch (error) {
      // sip.js misbehaved: say so rather than stay "registering" for ever
      this.logError(error);
      if (generation === this.generation) this.fail({ cause: 'network', detail: 'The phone could not set up the connection (internal error)' });
    }
  }

  /**
   * `reconnect` on a WebSocket that is still open registers again on it (live
   * calls go on); only if that REGISTER then fails the network way is the
   * socket dropped and reopened (see {@link reopenAfterFailedReRegister}).
   * A closed socket is reopened at once. `reopen` always reopens.
   */
  private async connectAndRegister(account: EngineAccount, mode: 'register' | 'reconnect' | 'reopen', generation: number): Promise<void> {
    let connection = this.connection;
    this.reRegistering = undefined;
    let reRegister = false;
    if (connection && !sameAccount(connection.account, account) && sameIdentity(connection.account, account)) {
      connection.setDisplayName(account); // only the display name changed: calls and socket stay
    }
    if (connection && !sameAccount(connection.account, account)) {
      this.guard(() => this.calls.hangupAll()); // the calls belong to the old identity
      this.connection = undefined;
      await connection.unregister(this.unregisterTimeoutMs); // the old identity should not keep ringing here
      await connection.close();
      connection = undefined;
    } else if (connection && mode === 'reconnect' && connection.connected) {
      reRegister = true;
    } else if (connection && mode !== 'register') {
      await connection.dropTransport();
    }
    if (generation !== this.generation) return;
    if (reRegister && connection) {
      this.reRegistering = connection;
      connection.reRegister();
      return;
    }
    if (!connection) {
      try {
        connection = this.connection = this.createConnection(account);
      } catch (error) {
        this.fail(describeBadSettings(error instanceof Error ? error.message : String(error)));
        return;
      }
    }
    if (!connection.connected) {
      const started = Date.now();
      const opened = await Promise.race([
        connection.connect().then(() => true, () => false),
        this.superseded.promise.then(() => false),
      ]);
      if (generation !== this.generation) return; // a newer command takes over (its teardown aborts the connect)
      if (!opened) {
        const gaveUp = Date.now() - started >= CONNECT_TIMEOUT_SEC * 1000 - 50;
        this.fail(describeConnectFailure(account.wsServer, gaveUp ? CONNECT_TIMEOUT_SEC : undefined));
        return;
      }
    }
    connection.register();
  }

  /**
   * A REGISTER sent on a socket we believed healthy failed the network way
   * (transport error, no answer): the socket is the likely culprit, so drop
   * it and open a new one, as a reconnect always did. Calls on it end.
   */
  private async reopenAfterFailedReRegister(connection: SipConnection, generation: number): Promise<void> {
    if (generation !== this.generation || this.connection !== connection) return;
    try {
      await this.connectAndRegister(connection.account, 'reopen', generation);
    } catch (error) {
      this.logError(error);
      if (generation === this.generation) this.fail({ cause: 'network', detail: 'The phone could not set up the connection (internal error)' });
    }
  }

  /** unregister: un-REGISTER (bounded), stop the UserAgent, then say so. */
  private async stop(): Promise<void> {
    this.guard(() => this.calls.hangupAll()); // BYE/CANCEL go out before the connection closes
    const connection = this.connection;
    this.connection = undefined;
    try {
      if (connection) {
        await connection.unregister(this.unregisterTimeoutMs);
        await connection.close();
      }
    } finally {
      this.report({ state: 'unregistered' }); // main waits for this before quitting
    }
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

  /** The live connection; its reports count only while it is the current one. Throws on unusable settings. */
  private createConnection(account: EngineAccount): SipConnection {
    const isLive = (): boolean => this.connection !== undefined && this.connection === created;
    const created: SipConnection = new SipConnection(account, {
      ...this.baseDeps(account),
      sessionDescriptionHandlerFactory: this.sessionDescriptionHandlerFactory,
      iceGatheringTimeoutMs: ICE_GATHERING_CAP_MS,
      observer: {
        registered: (expiresInSec) => {
          if (!isLive()) return;
          if (this.reRegistering === created) this.reRegistering = undefined;
          this.report({ state: 'registered', expiresInSec });
        },
        failed: (failure) => {
          if (!isLive()) return;
          if (this.reRegistering === created) {
            this.reRegistering = undefined;
            if (failure.cause === 'network' || failure.cause === 'timeout') {
              const generation = this.generation;
              this.enqueue(() => this.reopenAfterFailedReRegister(created, generation));
              return;
            }
          }
          this.fail(failure);
        },
        invite: (invitation) => this.answerIncoming(invitation),
        transportClosed: () => {
          // Calls on this connection cannot continue (their dialogs are bound to this WebSocket).
          if (this.connection === created || this.connection === undefined) this.calls.connectionLost();
        },
      },
    });
    return created;
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

  private fail(failure: RegisterFailure): void {
    if (this.phase === 'failed') return; // one failure per attempt
    this.report({ state: 'failed', ...failure });
  }

  private report(report: EngineReport): void {
    this.phase = report.state;
    for (const listener of [...this.listeners]) {
      try {
        listener(report);
      } catch (error) {
        this.logError(error);
      }
    }
  }

  private supersede(): number {
    this.generation += 1;
    this.superseded.resolve();
    this.superseded = signal();
    return this.generation;
  }

  private enqueue(step: () => Promise<void>): void {
    void this.queue.run(step);
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
