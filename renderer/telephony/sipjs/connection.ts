import { RegistererState, UserAgent, UserAgentState, type Invitation, type UserAgentOptions } from 'sip.js';
import type { EngineAccount } from '../../../common/schemas/account';
import { attempt, within } from '../bounded-wait';
import { watchForSilence } from '../keepalive-watchdog';
import {
  classifyRegisterRejection,
  describeConnectionLost,
  describeIntervalRefused,
  describeSilentDrop,
  describeUnresponsive,
  parseRetryAfter,
  type RegisterFailure,
} from '../registration-failure';
import {
  failPendingRegisters,
  grantedExpires,
  ObservedRegisterer,
  type IncomingResponse,
  type RequestDelegate,
} from './registerer';
import { CONNECT_TIMEOUT_SEC, KEEP_ALIVE_SEC, USER_AGENT_STRING, userAgentOptions } from './user-agent-options';

export { CONNECT_TIMEOUT_SEC, KEEP_ALIVE_SEC, USER_AGENT_STRING };

/**
 * One sip.js UserAgent (one WebSocket, one Contact) plus its Registerer, for
 * one account. Part of the sip.js adapter: only ./registration.ts and
 * ./probe.ts use it, and no sip.js object leaves these files.
 *
 * It does not decide anything: it connects, registers and tears down when
 * told, and tells its observer what happened, once, in plain values.
 */

/** Once the server has answered a ping, this much silence makes us probe it with a ping of our own… */
export const SILENCE_LIMIT_SEC = KEEP_ALIVE_SEC + 10;
/** …and this long without any answer to that probe (running time after it went out) means the connection is dead. */
export const PROBE_GRACE_SEC = 5;
/** Refresh at this percentage of the granted lifetime, well before expiry (sip.js default: 99). */
export const REFRESH_PERCENT = 80;

/** What a connection tells its owner. Every callback is already de-duplicated per request. */
export interface ConnectionObserver {
  /** A REGISTER (first or refresh) was accepted for this many seconds. */
  registered(expiresSec: number): void;
  /** A REGISTER got a final error, or the registration stopped being valid. */
  failed(failure: RegisterFailure): void;
  /** An INVITE arrived outside any dialog. */
  invite(invitation: Invitation): void;
  /** The WebSocket closed, for whatever reason (calls cannot go on without it). Not muted by teardown. */
  transportClosed?(): void;
}

export interface ConnectionDeps {
  observer: ConnectionObserver;
  /** sip.js's `logConnector`: must filter secrets (see redact-sip-log.ts). */
  logConnector: NonNullable<UserAgentOptions['logConnector']>;
  /** Replaces the WebSocket transport (unit tests). */
  transportConstructor?: UserAgentOptions['transportConstructor'];
  /** Makes each call's media handler (sip.js's own WebRTC one if left out). */
  sessionDescriptionHandlerFactory?: UserAgentOptions['sessionDescriptionHandlerFactory'];
  /** Longest wait for ICE candidates before an offer/answer goes out, ms (see ../ice-gathering.ts). */
  iceGatheringTimeoutMs?: number;
}

export class SipConnection {
  private currentAccount: EngineAccount;
  private readonly ua: UserAgent;
  private readonly observer: ConnectionObserver;
  private registerer: ObservedRegisterer | undefined;
  /** A REGISTER of the current registerer awaits its final answer. */
  private inFlight = false;
  /** Resolved at each final answer: lets unregister() wait for an in-flight REGISTER. */
  private answerWaiters: Array<() => void> = [];
  private expiresAt: number | undefined;
  /** Final answers seen: tells a silent drop from one followed by onReject. */
  private answerCount = 0;
  /** Observer calls stop (teardown in progress or done). */
  private muted = false;
  /** unregister() or close() began: no new REGISTER may go out. */
  private ending = false;
  private closing: Promise<void> | undefined;
  private stopWatchdog: () => void = () => undefined;
  /** The lifetime to ask for: the account's, or longer once a registrar insisted (423 Min-Expires). */
  private expiresToAsk: number;

  /** Throws when sip.js refuses the settings (bad AOR or server URL). */
  constructor(account: EngineAccount, deps: ConnectionDeps) {
    this.currentAccount = account;
    this.observer = deps.observer;
    this.expiresToAsk = account.registerExpires;
    const uri = UserAgent.makeURI(account.aor);
    if (!uri) throw new Error(`"${account.aor}" is not a SIP address`);
    this.ua = new UserAgent({
      ...userAgentOptions(account, uri, deps),
      delegate: {
        onConnect: () => this.watchConnection(),
        onDisconnect: (error) => {
          this.stopWatchdog();
          try {
            this.observer.transportClosed?.();
          } catch {
            // an observer bug must not unwind into sip.js
          }
          if (error) this.onTransportLost(describeConnectionLost());
        },
        onInvite: (invitation) => {
          if (this.muted) void attempt(() => invitation.reject({ statusCode: 480 }));
          else this.observer.invite(invitation);
        },
      },
    });
  }

  /** The account this connection speaks for (the display name may change in place, see {@link setDisplayName}). */
  get account(): EngineAccount {
    return this.currentAccount;
  }

  /**
   * Uses another display name from now on (new calls' From; the next
   * REGISTER from a fresh registerer). Nothing else about the identity
   * changes, so live calls and the registration stay as they are.
   */
  setDisplayName(account: EngineAccount): void {
    this.currentAccount = account;
    const name = account.displayName;
    // sip.js copies the option into its core's configuration at construction; new requests read the core's.
    (this.ua.configuration as { displayName?: string }).displayName = name;
    (this.ua.userAgentCore.configuration as { displayName: string }).displayName = name;
  }

  get connected(): boolean {
    return this.ua.isConnected();
  }

  /** The UserAgent, for placing calls (adapter-internal: never leaves renderer/telephony/sipjs/). */
  get userAgent(): UserAgent {
    return this.ua;
  }

  /** Opens the WebSocket (or re-opens it). Rejects when it cannot (async: sip.js's sync throws become rejections). */
  async connect(): Promise<void> {
    if (this.ending) throw new Error('connection closed');
    await (this.ua.state === UserAgentState.Stopped ? this.ua.start() : this.ua.reconnect());
  }

  /** Sends a REGISTER; its outcome arrives through the observer. No-op while one is in flight. */
  register(): void {
    if (this.ending || this.inFlight) return;
    let registerer = this.registerer;
    if (!registerer || registerer.state === RegistererState.Unregistered || registerer.state === RegistererState.Terminated) {
      // A fresh Registerer per attempt: a used one does not announce state changes it is already in.
      this.retireRegisterer();
      registerer = this.registerer = this.createRegisterer();
    }
    try {
      registerer.register().catch(() => undefined); // outcome comes through the delegate
    } catch {
      this.inFlight = false; // sip.js refused synchronously (registerer terminated)
    }
  }

  /**
   * Registers again on the open WebSocket, without touching it (calls on it
   * go on). A REGISTER still waiting for its answer is given up first — as
   * the transport error it most likely is, nothing is sent — and a fresh
   * registerer sends the new one; otherwise the current registerer simply
   * sends its next REGISTER. The outcome arrives through the observer.
   */
  reRegister(): void {
    if (this.ending) return;
    if (this.inFlight) {
      const old = this.retireRegisterer();
      failPendingRegisters(this.ua);
      if (old) void attempt(() => old.dispose()); // no longer waiting nor registered: sends nothing
    }
    this.register();
  }

  /**
   * Un-REGISTERs (Contact …;expires=0) if registered, waiting for the answer
   * at most `timeoutMs`, including any REGISTER still in flight. Mutes the
   * observer: this is the start of a teardown.
   */
  async unregister(timeoutMs: number): Promise<void> {
    this.muted = true;
    this.ending = true;
    const deadline = Date.now() + timeoutMs;
    if (this.inFlight) await within(new Promise<void>((resolve) => this.answerWaiters.push(resolve)), timeoutMs);
    const registerer = this.registerer;
    if (!registerer || registerer.state !== RegistererState.Registered || !this.connected || this.inFlight) return;
    const answered = new Promise<void>((resolve) => {
      const done = (): void => resolve();
      registerer
        .unregister({ requestDelegate: { onAccept: done, onReject: done, onRedirect: done } })
        .catch(done);
    });
    await within(answered, Math.max(0, deadline - Date.now()));
  }

  /**
   * Closes the WebSocket but keeps the UserAgent (same Contact, so the next
   * REGISTER replaces the server's binding instead of adding one).
   */
  async dropTransport(): Promise<void> {
    this.muted = true;
    this.stopWatchdog();
    try {
      await within(attempt(() => this.ua.transport.disconnect()), 2000);
      await this.settleRegistration();
    } finally {
      if (!this.ending) this.muted = false;
    }
  }

  /** Stops everything: WebSocket, timers, transactions. Nothing is sent any more. */
  close(): Promise<void> {
    this.closing ??= (async () => {
      this.muted = true;
      this.ending = true;
      this.stopWatchdog();
      await within(attempt(() => this.ua.transport.disconnect()), 2000);
      await this.settleRegistration();
      await within(attempt(() => this.ua.stop()), 2000);
    })();
    return this.closing;
  }

  private createRegisterer(): ObservedRegisterer {
    const registerer: ObservedRegisterer = new ObservedRegisterer(
      this.ua,
      {
        expires: this.expiresToAsk,
        refreshFrequency: REFRESH_PERCENT,
        logConfiguration: false,
        // reg-id 1 with the UserAgent's +sip.instance (sip.js adds both to the Contact)
        ...(this.account.instanceId ? { regId: 1 } : {}),
      },
      {
        delegateFor: () => {
          this.inFlight = true; // called once per REGISTER sent, refreshes and the 423 retry included
          return this.delegateFor(registerer);
        },
        intervalRefused: (minExpires, sentExpires) => {
          this.onAnswer(registerer, () => this.observer.failed(describeIntervalRefused(minExpires, sentExpires)));
          // The next attempt starts over with a fresh registerer (and its own one retry).
          if (registerer === this.registerer) {
            this.retireRegisterer();
            void attempt(() => registerer.dispose());
          }
        },
      },
    );
    registerer.stateChange.addListener((state) => {
      if (state !== RegistererState.Unregistered || registerer !== this.registerer) return;
      // sip.js drops to Unregistered *before* calling onReject, and also with no
      // callback at all when the registration expires or a 200 OK lacks our
      // Contact. Wait a microtask: if no answer arrived, it was a silent drop.
      const answersBefore = this.answerCount;
      queueMicrotask(() => {
        if (registerer !== this.registerer || this.answerCount !== answersBefore) return;
        const expired = this.expiresAt !== undefined && Date.now() >= this.expiresAt - 1000;
        if (!expired) this.inFlight = false; // the answer came, it was just unusable
        this.notify(() => this.observer.failed(describeSilentDrop(expired)));
      });
    });
    return registerer;
  }

  private delegateFor(registerer: ObservedRegisterer): RequestDelegate {
    const failed = (response: IncomingResponse): void =>
      this.onAnswer(registerer, () => this.observer.failed(this.classify(response)));
    return {
      onAccept: (response) =>
        this.onAnswer(registerer, () => {
          const expires = grantedExpires(response, this.ua, registerer.sentExpiresSec);
          // A Min-Expires the registrar accepted us with is what we ask for next time too.
          this.expiresToAsk = Math.max(this.account.registerExpires, registerer.sentExpiresSec);
          this.expiresAt = Date.now() + expires * 1000;
          this.observer.registered(expires);
        }),
      onReject: failed,
      onRedirect: failed,
    };
  }

  private onAnswer(registerer: ObservedRegisterer, report: () => void): void {
    if (registerer !== this.registerer) return; // retired: its outcome no longer matters
    this.inFlight = false;
    this.answerCount += 1;
    this.wakeAnswerWaiters();
    this.notify(report);
  }

  private wakeAnswerWaiters(): void {
    const waiters = this.answerWaiters;
    this.answerWaiters = [];
    waiters.forEach((wake) => wake());
  }

  private classify(response: IncomingResponse): RegisterFailure {
    const message = response.message;
    const fromServer = typeof message.data === 'string' && message.data.length > 0;
    const challenge = fromServer ? (message.parseHeader('www-authenticate') ?? message.parseHeader('proxy-authenticate')) : undefined;
    const realm: unknown = challenge?.realm;
    const retryAfterSec = fromServer ? parseRetryAfter(message.getHeader('retry-after')) : undefined;
    return classifyRegisterRejection(
      {
        statusCode: message.statusCode ?? 0,
        reasonPhrase: message.reasonPhrase,
        fromServer,
        ...(typeof realm === 'string' ? { challengeRealm: realm } : {}),
        ...(retryAfterSec !== undefined ? { retryAfterSec } : {}),
      },
      { expectedRealm: this.account.realm },
    );
  }

  private onTransportLost(failure: RegisterFailure): void {
    if (this.muted) return;
    this.notify(() => this.observer.failed(failure));
    void this.settleRegistration();
  }

  /** sip.js's web transport exposes its WebSocket; fakes in tests may not. */
  private watchConnection(): void {
    this.stopWatchdog();
    const socket = (this.ua.transport as unknown as { ws?: unknown }).ws;
    if (!(socket instanceof EventTarget)) return;
    const ws = socket as EventTarget & { send?: (data: string) => void };
    this.stopWatchdog = watchForSilence(socket, {
      silenceMs: SILENCE_LIMIT_SEC * 1000,
      graceMs: PROBE_GRACE_SEC * 1000,
      // Our own CRLF ping (RFC 5626 §4.4.1); the server's CRLF pong or any other message cancels the verdict.
      probe: () => ws.send?.('\r\n\r\n'),
      onSilent: () => {
        // Stop using the socket at once (sends fail from here on) and report now:
        // the close handshake on a dead socket can take much longer.
        void attempt(() => this.ua.transport.disconnect());
        this.onTransportLost(describeUnresponsive(SILENCE_LIMIT_SEC + PROBE_GRACE_SEC));
      },
    });
  }

  /**
   * With the WebSocket gone, ends the registerer without sending anything:
   * sip.js would keep a REGISTER pending until Timer F (32 s) and keep its
   * refresh timers running, so we fail the pending request as the transport
   * error it is (RFC 3261 §8.1.3.1) and dispose the registerer (its own
   * un-REGISTER fails at once on the closed transport).
   */
  private async settleRegistration(): Promise<void> {
    const old = this.retireRegisterer();
    if (old) await within(attempt(() => old.dispose()), 1000);
  }

  private retireRegisterer(): ObservedRegisterer | undefined {
    const old = this.registerer;
    this.registerer = undefined;
    this.inFlight = false;
    this.expiresAt = undefined;
    if (!this.ua.isConnected()) failPendingRegisters(this.ua);
    this.wakeAnswerWaiters();
    return old;
  }

  private notify(call: () => void): void {
    if (this.muted) return;
    try {
      call();
    } catch {
      // an observer bug must not unwind into sip.js
    }
  }
}
