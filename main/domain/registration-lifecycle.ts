import type { EngineAccount } from '../../common/schemas/account';
import type { EngineCommand, EngineReport, FailureCause, FailureDetail, IncomingPolicy } from '../../common/schemas/engine';
import type { Presence } from '../../common/schemas/presence';
import type { RegistrationView } from '../../common/schemas/registration';
import type { Clock } from '../ports/clock';
import { retryDelay, DEFAULT_RETRY_POLICY, type RetryPolicy } from './backoff';

/**
 * The registration lifecycle, owned by main. It decides what the renderer's
 * SIP engine should be doing from what the agent wants (account, presence)
 * and what the world allows (network, power, renderer alive, quitting), and
 * it tracks what the engine reports it actually did.
 *
 * ```
 *                      account + presence ≠ offline + renderer ready + online + awake
 *   no-account/offline/starting/ ─────────────────────────────────────────────► registering
 *   waiting-for-network/suspended                                                  │   ▲
 *          ▲                                                   registered report  │   │ retry timer,
 *          │ presence offline / quit: unregister                                   ▼   │ resume, online,
 *          └────────────────────────────────────────────────────────────────── registered │ retry now
 *                                                                                  │   │
 *                  failure (network, timeout, server) or lapsed refresh            ▼   │
 *                                                                             reconnecting
 *   failure(auth) ─► failed: no automatic retry until the account changes or the agent retries
 * ```
 *
 * Pure TypeScript: no electron, no timers of its own (a Clock is passed in).
 */
export interface LifecycleDeps {
  clock: Clock;
  random: () => number;
  /** Delivers a command to the renderer's engine. */
  send: (command: EngineCommand) => void;
  /** Called whenever the derived view changes. */
  onChange: (view: RegistrationView) => void;
  backoff?: RetryPolicy;
  /** How long an attempt may stay unanswered before it counts as a timeout. */
  attemptTimeoutMs?: number;
}

type EngineState = 'idle' | 'registering' | 'registered' | 'unregistering';
type Failure = { cause: FailureCause; statusCode?: number; detail?: FailureDetail; retryAfterSec?: number };

export const DEFAULT_ATTEMPT_TIMEOUT_MS = 20_000;

export class RegistrationLifecycle {
  private account: EngineAccount | null = null;
  private presence: Presence = 'offline';
  private online = true;
  private suspended = false;
  private rendererUp = false;
  private quitting = false;

  private engine: EngineState = 'idle';
  /** Has the current engine instance been told to register since it came up? */
  private engineHasAccount = false;
  private sentIncoming: IncomingPolicy | null = null;
  private authFailure: Failure | null = null;
  private lastFailure: Failure | null = null;
  private attempt = 0;
  private registeredSince: number | null = null;
  private nextAttemptAt: number | null = null;

  private cancelRetry: (() => void) | null = null;
  private cancelAttemptTimeout: (() => void) | null = null;
  private cancelLapse: (() => void) | null = null;
  private view: RegistrationView = { status: 'no-account' };

  constructor(private readonly deps: LifecycleDeps) {}

  get current(): RegistrationView {
    return this.view;
  }

  /** True when nothing is left to wait for before the app may exit. */
  get quiescent(): boolean {
    return this.engine === 'idle' || !this.rendererUp;
  }

  setAccount(account: EngineAccount | null): void {
    const changed = JSON.stringify(account) !== JSON.stringify(this.account);
    this.account = account;
    if (!changed) return;
    this.authFailure = null;
    this.resetBackoff();
    if (account && this.engineHasAccount && this.wantsRegistration() && this.canAct()) {
      this.attemptNow('reconnect');
    }
    this.reconcile();
  }

  setPresence(presence: Presence): void {
    this.presence = presence;
    this.reconcile();
  }

  setOnline(online: boolean): void {
    if (online === this.online) return;
    this.online = online;
    if (online) {
      // The network is back: try at once rather than waiting out a long back-off.
      this.resetBackoff();
      if (this.engine !== 'idle' && this.wantsRegistration() && this.canAct()) this.attemptNow('reconnect');
    } else {
      this.stopRetrying();
    }
    this.reconcile();
  }

  suspend(): void {
    this.suspended = true;
    this.stopRetrying();
    this.clearLapse();
    this.reconcile();
  }

  /**
   * After sleep the socket is almost certainly dead even if nobody said so:
   * reconnect at once. Also when no 'suspend' came first (the OS does not
   * always send one).
   */
  resume(): void {
    this.suspended = false;
    this.resetBackoff();
    if (this.engineHasAccount && this.wantsRegistration() && this.canAct()) this.attemptNow('reconnect');
    this.reconcile();
  }

  /** A (re)loaded renderer has a fresh engine that knows nothing: start from scratch. */
  rendererReady(): void {
    this.rendererUp = true;
    this.forgetEngine();
    this.reconcile();
  }

  rendererGone(): void {
    this.rendererUp = false;
    this.forgetEngine();
    this.reconcile();
  }

  /** The agent pressed "Retry now": also clears a wrong-credentials stop. */
  retryNow(): void {
    this.authFailure = null;
    this.resetBackoff();
    if (this.wantsRegistration() && this.canAct()) this.attemptNow(this.engineHasAccount ? 'reconnect' : 'register');
    this.reconcile();
  }

  /** Starts the un-REGISTER before quit; watch `quiescent` (with a bounded wait). */
  beginQuit(): void {
    this.quitting = true;
    this.reconcile();
  }

  report(report: EngineReport): void {
    switch (report.state) {
      case 'registering':
        if (this.engine !== 'unregistering') this.engine = 'registering';
        break;
      case 'registered':
        this.onRegistered(report.expiresInSec);
        break;
      case 'unregistered':
        this.onUnregistered();
        break;
      case 'failed':
        this.onFailed({ cause: report.cause, statusCode: report.statusCode, detail: report.detail, retryAfterSec: report.retryAfterSec });
        break;
    }
    this.reconcile();
  }

  // ── reports ────────────────────────────────────────────────────────────

  private onRegistered(expiresInSec: number): void {
    this.clearAttemptTimeout();
    if (this.engine === 'unregistering') return;
    this.engine = 'registered';
    this.lastFailure = null;
    this.resetBackoff();
    this.registeredSince ??= this.deps.clock.now();
    // A refresh that never comes means calls silently stop arriving once the
    // binding expires on the server: treat a lapse as a failure and reconnect.
    this.clearLapse();
    this.cancelLapse = this.deps.clock.setTimer(() => {
      this.cancelLapse = null;
      this.onFailed({ cause: 'timeout', detail: { code: 'registration.expired' } });
      this.reconcile();
    }, expiresInSec * 1000);
  }

  private onUnregistered(): void {
    const expected = this.engine === 'unregistering' || this.engine === 'idle';
    this.engine = 'idle';
    this.engineHasAccount = false;
    this.registeredSince = null;
    this.clearAttemptTimeout();
    this.clearLapse();
    if (!expected && this.wantsRegistration()) {
      this.scheduleRetry({ cause: 'server', detail: { code: 'registration.ended' } });
    }
  }

  private onFailed(failure: Failure): void {
    if (this.engine === 'unregistering') {
      // The connection died mid un-REGISTER: nothing more to wait for.
      this.engine = 'idle';
      this.engineHasAccount = false;
      return;
    }
    this.clearAttemptTimeout();
    this.clearLapse();
    this.engine = 'idle';
    this.registeredSince = null;
    if (failure.cause === 'auth') {
      // Retrying wrong credentials only locks the account on the server.
      this.authFailure = failure;
      this.stopRetrying();
      return;
    }
    this.scheduleRetry(failure);
  }

  // ── decisions ──────────────────────────────────────────────────────────

  private wantsRegistration(): boolean {
    return this.account !== null && this.presence !== 'offline' && !this.quitting;
  }

  private canAct(): boolean {
    return this.rendererUp && this.online && !this.suspended;
  }

  private incomingPolicy(): IncomingPolicy {
    return this.presence === 'dnd' ? 'busy' : 'ring';
  }

  private reconcile(): void {
    if (!this.wantsRegistration()) {
      this.stopRetrying();
      this.clearAttemptTimeout();
      if (this.rendererUp && (this.engine === 'registering' || this.engine === 'registered')) {
        this.engine = 'unregistering';
        this.clearLapse();
        this.deps.send({ type: 'unregister' });
      }
    } else if (this.canAct() && !this.authFailure) {
      if (this.engine === 'idle' && !this.cancelRetry) {
        this.attemptNow(this.engineHasAccount ? 'reconnect' : 'register');
      } else if (this.engine !== 'idle' && this.sentIncoming !== this.incomingPolicy()) {
        this.sentIncoming = this.incomingPolicy();
        this.deps.send({ type: 'set-incoming', incoming: this.sentIncoming });
      }
    }
    this.publish(this.deriveView());
  }

  private attemptNow(type: 'register' | 'reconnect'): void {
    const account = this.account;
    if (!account) return;
    this.stopRetrying();
    this.clearAttemptTimeout();
    this.engine = 'registering';
    this.engineHasAccount = true;
    this.sentIncoming = this.incomingPolicy();
    this.deps.send({ type, account, incoming: this.sentIncoming });
    this.cancelAttemptTimeout = this.deps.clock.setTimer(() => {
      this.cancelAttemptTimeout = null;
      this.onFailed({ cause: 'timeout' });
      this.reconcile();
    }, this.deps.attemptTimeoutMs ?? DEFAULT_ATTEMPT_TIMEOUT_MS);
  }

  private scheduleRetry(failure: Failure): void {
    const { retryAfterSec, ...shown } = failure;
    this.lastFailure = shown;
    this.stopRetrying();
    if (!this.wantsRegistration() || !this.canAct()) return;
    this.attempt += 1;
    const delay = retryDelay({ cause: failure.cause, retryAfterSec }, this.attempt, this.deps.random, this.deps.backoff ?? DEFAULT_RETRY_POLICY);
    this.nextAttemptAt = this.deps.clock.now() + delay;
    this.cancelRetry = this.deps.clock.setTimer(() => {
      this.cancelRetry = null;
      this.nextAttemptAt = null;
      if (this.wantsRegistration() && this.canAct()) this.attemptNow('reconnect');
      this.reconcile();
    }, delay);
  }

  private deriveView(): RegistrationView {
    if (!this.account) return { status: 'no-account' };
    if (this.quitting && this.engine !== 'idle' && this.rendererUp) return { status: 'unregistering' };
    if (!this.wantsRegistration()) return { status: 'offline' };
    if (this.authFailure) return { status: 'failed', ...this.authFailure };
    if (!this.rendererUp) return { status: 'starting' };
    if (this.suspended) return { status: 'suspended' };
    if (!this.online) return { status: 'waiting-for-network' };
    if (this.engine === 'registered') return { status: 'registered', since: this.registeredSince ?? this.deps.clock.now() };
    if (this.nextAttemptAt !== null && this.lastFailure) {
      return { status: 'reconnecting', attempt: this.attempt, nextAttemptAt: this.nextAttemptAt, ...this.lastFailure };
    }
    return { status: 'registering' };
  }

  private publish(view: RegistrationView): void {
    if (JSON.stringify(view) === JSON.stringify(this.view)) return;
    this.view = view;
    this.deps.onChange(view);
  }

  // ── bookkeeping ────────────────────────────────────────────────────────

  private forgetEngine(): void {
    this.engine = 'idle';
    this.engineHasAccount = false;
    this.sentIncoming = null;
    this.registeredSince = null;
    this.stopRetrying();
    this.clearAttemptTimeout();
    this.clearLapse();
    this.resetBackoff();
  }

  private resetBackoff(): void {
    this.attempt = 0;
    this.stopRetrying();
  }

  private stopRetrying(): void {
    this.cancelRetry?.();
    this.cancelRetry = null;
    this.nextAttemptAt = null;
  }

  private clearAttemptTimeout(): void {
    this.cancelAttemptTimeout?.();
    this.cancelAttemptTimeout = null;
  }

  private clearLapse(): void {
    this.cancelLapse?.();
    this.cancelLapse = null;
  }
}
