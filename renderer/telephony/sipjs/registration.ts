import type { Invitation, UserAgent } from 'sip.js';
import type { EngineAccount } from '../../../common/schemas/account';
import type { EngineReport } from '../../../common/schemas/engine';
import { createSerialQueue } from '../../../common/serial-queue';
import { sameAccount, sameIdentity } from '../account-identity';
import { signal } from '../bounded-wait';
import { describeBadSettings, describeConnectFailure, type RegisterFailure } from '../registration-failure';
import { CONNECT_TIMEOUT_SEC, SipConnection, type ConnectionDeps } from './connection';

/** What the registration needs from the engine that owns it. */
export interface RegistrationHost {
  /** Every registration transition, once (the engine hands it to its listeners). */
  report(report: EngineReport): void;
  /** The settings every UserAgent of this engine gets (log, transport, media handler). Only the observer is the registration's own. */
  connectionDeps(account: EngineAccount): Omit<ConnectionDeps, 'observer'>;
  /** How long an un-REGISTER may take before we stop anyway, ms. */
  unregisterTimeoutMs: number;
  /** Hang up every call (they belong to an identity that is going away). Must not throw. */
  hangupAll(): void;
  /** The current connection's WebSocket closed: its calls cannot go on. */
  connectionLost(): void;
  /** An INVITE arrived on the current connection. */
  invite(invitation: Invitation): void;
  logError(error: unknown): void;
}

type Phase = 'idle' | 'registering' | 'registered' | 'failed' | 'unregistered';

/**
 * The registration strategy of the sip.js engine, with all of its state:
 * which connection to use or reuse, re-REGISTER versus drop and reopen, one
 * report per attempt. Commands run one after another; a newer one supersedes
 * an older one still running.
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
 * 'registering'.
 *
 * 'reconnect' with the same account re-REGISTERs on the WebSocket if it is
 * still open, so live calls survive (main sends it after any registration
 * failure, on resume, when the network returns, on "Retry now" and on save);
 * only a closed socket, or a re-REGISTER on it that fails the network way
 * (transport error, no answer), makes it drop and reopen the socket. An
 * account change other than the display name alone hangs up the calls,
 * un-REGISTERs the old identity and opens a new connection.
 */
export class SipRegistration {
  private phase: Phase = 'idle';
  private connection: SipConnection | undefined;
  /** A reconnect is re-registering on this still-open connection (a network-class failure reopens it). */
  private reRegistering: SipConnection | undefined;
  private readonly queue = createSerialQueue((error) => this.host.logError(error));
  private generation = 0;
  private superseded = signal();

  constructor(private readonly host: RegistrationHost) {}

  /** The UserAgent of the current connection while its WebSocket is open (calls go out on it). */
  get userAgent(): UserAgent | undefined {
    return this.connection?.connected ? this.connection.userAgent : undefined;
  }

  /** register (`reconnect` false) or reconnect: supersedes whatever runs, then (re)connects if needed and REGISTERs. */
  register(account: EngineAccount, reconnect: boolean): void {
    const generation = this.supersede();
    this.enqueue(() => this.start(account, reconnect, generation));
  }

  /** Supersedes whatever runs, then un-REGISTERs (bounded), stops the UserAgent and reports 'unregistered'. */
  unregister(): void {
    this.supersede();
    this.enqueue(() => this.stop());
  }

  /** Settles once every command given so far (and any follow-up it queued) has run. Never rejects. */
  idle(): Promise<void> {
    return this.queue.idle();
  }

  private async start(account: EngineAccount, reconnect: boolean, generation: number): Promise<void> {
    if (generation !== this.generation) return;
    this.report({ state: 'registering' });
    await this.connectAndRegisterOrFail(account, reconnect ? 'reconnect' : 'register', generation);
  }

  /** sip.js misbehaved: say so rather than stay "registering" for ever. */
  private async connectAndRegisterOrFail(account: EngineAccount, mode: 'register' | 'reconnect' | 'reopen', generation: number): Promise<void> {
    try {
      await this.connectAndRegister(account, mode, generation);
    } catch (error) {
      this.host.logError(error);
      if (generation === this.generation) this.fail({ cause: 'network', detail: { code: 'network.internal' } });
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
      this.host.hangupAll(); // the calls belong to the old identity
      this.connection = undefined;
      await connection.unregister(this.host.unregisterTimeoutMs); // the old identity should not keep ringing here
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
        this.fail(describeBadSettings(error));
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
        this.fail(describeConnectFailure(gaveUp ? CONNECT_TIMEOUT_SEC : undefined));
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
    await this.connectAndRegisterOrFail(connection.account, 'reopen', generation);
  }

  /** unregister: un-REGISTER (bounded), stop the UserAgent, then say so. */
  private async stop(): Promise<void> {
    this.host.hangupAll(); // BYE/CANCEL go out before the connection closes
    const connection = this.connection;
    this.connection = undefined;
    try {
      if (connection) {
        await connection.unregister(this.host.unregisterTimeoutMs);
        await connection.close();
      }
    } finally {
      this.report({ state: 'unregistered' }); // main waits for this before quitting
    }
  }

  /** The live connection; its reports count only while it is the current one. Throws on unusable settings. */
  private createConnection(account: EngineAccount): SipConnection {
    const isLive = (): boolean => this.connection !== undefined && this.connection === created;
    const created: SipConnection = new SipConnection(account, {
      ...this.host.connectionDeps(account),
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
        invite: (invitation) => this.host.invite(invitation),
        transportClosed: () => {
          // Calls on this connection cannot continue (their dialogs are bound to this WebSocket).
          if (this.connection === created || this.connection === undefined) this.host.connectionLost();
        },
      },
    });
    return created;
  }

  private fail(failure: RegisterFailure): void {
    if (this.phase === 'failed') return; // one failure per attempt
    this.report({ state: 'failed', ...failure });
  }

  private report(report: EngineReport): void {
    this.phase = report.state;
    this.host.report(report);
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
}
