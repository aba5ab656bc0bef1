import type { Invitation, UserAgentOptions } from 'sip.js';
import type { EngineAccount } from '../../preload/schemas/account';
import type { EngineCommand, EngineReport, IncomingPolicy, ProbeResult } from '../../preload/schemas/engine';
import { createSipLogConnector, type SipLogSink } from './redact-sip-log';
import { describeBadSettings, describeConnectFailure, type RegisterFailure } from './registration-failure';
import { CONNECT_TIMEOUT_SEC, SipConnection, type ConnectionDeps } from './sipjs-connection';
import { probeRegistration } from './sipjs-probe';
import type { Telephony } from './telephony';

/** An incoming call as sip.js hands it over; only the calls code should look inside. */
export type IncomingInvitation = Invitation;

export interface SipJsTelephonyOptions {
  /** Replaces sip.js's WebSocket transport (unit tests). */
  transportConstructor?: UserAgentOptions['transportConstructor'];
  /** Receives sip.js warnings and errors, already stripped of anything credential-like. Default: console. */
  log?: SipLogSink;
  /**
   * An INVITE while the policy is 'ring'. No 180 has been sent yet: call
   * `invitation.progress()` when the phone starts ringing. Without this
   * callback incoming calls are refused with 480 (calls are not built yet).
   */
  onIncoming?: (invitation: IncomingInvitation) => void;
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
 *        │ WebSocket won't open         ► failed(network)  │ WebSocket closed / silent 30 s ► failed(network)
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
  private queue: Promise<void> = Promise.resolve();
  private generation = 0;
  private superseded = signal();
  private readonly probes = new Set<{ abort: AbortController; cleanedUp: Promise<void> }>();
  private disposed = false;

  constructor(private readonly options: SipJsTelephonyOptions) {
    this.unregisterTimeoutMs = options.unregisterTimeoutMs ?? 2000;
    this.log = options.log ?? defaultLog;
  }

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
    if (this.disposed) return this.queue;
    this.disposed = true;
    this.supersede();
    const probes = [...this.probes];
    probes.forEach((probe) => probe.abort.abort());
    this.enqueue(() => this.stop());
    await Promise.all([this.queue, ...probes.map((probe) => probe.cleanedUp)]);
    this.listeners.clear();
  }

  /** register / reconnect: (re)connect if needed, then REGISTER. */
  private async start(account: EngineAccount, reconnect: boolean, generation: number): Promise<void> {
    if (generation !== this.generation) return;
    this.report({ state: 'registering' });
    try {
      await this.connectAndRegister(account, reconnect, generation);
    } catch (error) {
      // sip.js misbehaved: say so rather than stay "registering" for ever
      this.logError(error);
      if (generation === this.generation) this.fail({ cause: 'network', detail: 'The phone could not set up the connection (internal error)' });
    }
  }

  private async connectAndRegister(account: EngineAccount, reconnect: boolean, generation: number): Promise<void> {
    let connection = this.connection;
    if (connection && !sameAccount(connection.account, account)) {
      this.connection = undefined;
      await connection.unregister(this.unregisterTimeoutMs); // the old identity should not keep ringing here
      await connection.close();
      connection = undefined;
    } else if (connection && reconnect) {
      await connection.dropTransport();
    }
    if (generation !== this.generation) return;
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

  /** unregister: un-REGISTER (bounded), stop the UserAgent, then say so. */
  private async stop(): Promise<void> {
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

  /** The live connection; its reports count only while it is the current one. Throws on unusable settings. */
  private createConnection(account: EngineAccount): SipConnection {
    const isLive = (): boolean => this.connection !== undefined && this.connection === created;
    const created: SipConnection = new SipConnection(account, {
      ...this.baseDeps(account),
      observer: {
        registered: (expiresInSec) => {
          if (isLive()) this.report({ state: 'registered', expiresInSec });
        },
        failed: (failure) => {
          if (isLive()) this.fail(failure);
        },
        invite: (invitation) => this.answerIncoming(invitation),
      },
    });
    return created;
  }

  private answerIncoming(invitation: Invitation): void {
    if (this.policy === 'busy') {
      // Do Not Disturb: a real SIP rejection, so the PBX can go to voicemail/next agent at once.
      void invitation.reject({ statusCode: 486 }).catch((error: unknown) => this.logError(error));
      return;
    }
    offerIncomingCall(invitation, this.options.onIncoming, (error) => this.logError(error));
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
    this.queue = this.queue.then(step).catch((error: unknown) => this.logError(error));
  }

  private logError(error: unknown): void {
    try {
      this.log('error', `[ringdesk.telephony] ${error instanceof Error ? error.message : String(error)}`);
    } catch {
      // nowhere left to tell
    }
  }
}

/**
 * Incoming call while the agent is available. Calls are a later issue: until
 * then the Invitation goes to `onIncoming` if given, else it is refused with
 * 480 Temporarily Unavailable. The calls work replaces this function.
 */
function offerIncomingCall(
  invitation: Invitation,
  onIncoming: ((invitation: Invitation) => void) | undefined,
  logError: (error: unknown) => void,
): void {
  if (onIncoming) {
    try {
      onIncoming(invitation);
    } catch (error) {
      logError(error);
    }
    return;
  }
  void invitation.reject({ statusCode: 480 }).catch(logError);
}

/** Any difference (credentials, server, ICE, expiry) means a new UserAgent. */
function sameAccount(a: EngineAccount, b: EngineAccount): boolean {
  return canonical(a) === canonical(b);
}

function canonical(account: EngineAccount): string {
  return JSON.stringify([
    account.aor,
    account.displayName,
    account.authorizationUsername,
    account.authorizationHa1,
    account.realm,
    account.wsServer,
    account.registerExpires,
    account.iceServers.map((server) => [server.urls, server.username ?? null, server.credential ?? null]),
  ]);
}

function signal(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}
