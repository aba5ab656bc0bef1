import { LIVE_CLOSE, liveServerMessageSchema, type LiveEvent, type SequencedEvent } from '../../../common/schemas/workspace/live';
import { createSerialQueue } from '../../../common/serial-queue';
import { backoffDelay, DEFAULT_RETRY_POLICY } from '../../domain/backoff';
import type { Clock } from '../../ports/clock';
import type { Logger } from '../../ports/logger';
import { UserFacingError } from '../user-facing-error';
import type { LiveSocket, LiveSocketFactory } from './live-socket';
import type { WorkspaceSession } from './workspace-session';

/** The server pings every 30 s: this long without a word and the connection is taken for dead. */
const SILENCE_MS = 75_000;

/** Other services' view of the team's changes: every event that is not about this agent's own record. */
export interface TeamEvents {
  /** `resync` also comes when the workspace says this app is too far behind: reload what you show. */
  on(listener: (event: LiveEvent) => void): () => void;
}

export type LiveSyncState = 'stopped' | 'connecting' | 'open' | 'waiting';

/**
 * Main's one push connection to the workspace while signed in.
 *
 *   stopped ──start──► connecting ──ready / resync-required──► open
 *      ▲                  ▲   │                                  │
 *      │                  │   └──fails / closes──► waiting ◄─────┘ closed (network, server restart)
 *      │                  └────── backoff (1 s doubling to 60 s) ─┘  or at once: retryNow, token expired
 *      └── stop / removed / disabled / session ended (close codes 4003, 4004; a refused refresh)
 *
 * It resumes "since" the last sequence number it saw, so a reconnect misses
 * nothing. The agent's own record changing refreshes the stored copy;
 * removed or disabled signs out here (the notice says why); everything else
 * goes to `teamEvents` listeners.
 */
export class LiveSync {
  private state: LiveSyncState = 'stopped';
  private socket: LiveSocket | null = null;
  private lastSeq: number | undefined;
  private attempt = 0;
  private cancelRetry: (() => void) | null = null;
  private cancelSilence: (() => void) | null = null;
  private readonly listeners = new Set<(event: LiveEvent) => void>();
  private readonly connectedListeners = new Set<() => void>();
  /** Messages are handled one after another, in the order they came (handling one may fetch our record). */
  private readonly inbox = createSerialQueue((error) => this.deps.log.error(`live sync: handling a message failed: ${String(error)}`));
  /** Bumped on every start/stop/connect, so late callbacks of an older socket do nothing. */
  private generation = 0;

  readonly teamEvents: TeamEvents = {
    on: (listener) => {
      this.listeners.add(listener);
      return () => void this.listeners.delete(listener);
    },
  };

  constructor(
    private readonly deps: {
      session: Pick<WorkspaceSession, 'accessToken' | 'view' | 'refreshCopy' | 'endedByAdmin' | 'resume'>;
      socket: LiveSocketFactory;
      clock: Clock;
      random: () => number;
      log: Logger;
      /** The stored copy changed (publish the snapshot). */
      copyChanged: () => void;
      /** The session ended here (removed, disabled, or refused): the account is gone. */
      sessionEnded: () => void;
    },
  ) {}

  get current(): LiveSyncState {
    return this.state;
  }

  /** Resolves once every message received so far has been handled (tests, shutdown). */
  settled(): Promise<void> {
    return this.inbox.idle();
  }

  /** Hears every (re)connection: a good moment to send what the server may have missed. */
  onConnected(listener: () => void): () => void {
    this.connectedListeners.add(listener);
    return () => void this.connectedListeners.delete(listener);
  }

  start(): void {
    if (this.state !== 'stopped') return;
    this.lastSeq = undefined;
    this.attempt = 0;
    void this.connect();
  }

  stop(): void {
    this.generation += 1;
    this.state = 'stopped';
    this.clearTimers();
    this.socket?.close();
    this.socket = null;
  }

  /** The network is back: connect now rather than at the end of the backoff. */
  retryNow(): void {
    if (this.state !== 'waiting') return;
    this.clearTimers();
    void this.connect();
  }

  private async connect(): Promise<void> {
    const generation = ++this.generation;
    this.state = 'connecting';
    let token: string;
    let url: string;
    try {
      token = await this.deps.session.accessToken();
      const view = await this.deps.session.view();
      if (!view) return this.end(generation);
      url = `${view.url.replace(/^http/, 'ws')}/api/v1/live`;
    } catch (error) {
      if (generation !== this.generation) return;
      if (error instanceof UserFacingError && error.workspace?.failure === 'session-ended') return this.end(generation);
      return this.waitAndRetry(generation, 'the workspace is not reachable');
    }
    if (generation !== this.generation) return;
    this.socket = this.deps.socket(url, {
      open: () => {
        if (generation !== this.generation) return;
        this.socket?.send(JSON.stringify({ type: 'hello', token, ...(this.lastSeq !== undefined ? { since: this.lastSeq } : {}) }));
      },
      activity: () => generation === this.generation && this.watchSilence(generation),
      message: (text) => generation === this.generation && void this.inbox.run(() => this.received(text)),
      closed: (code) => generation === this.generation && void this.inbox.run(() => this.closed(generation, code)),
    });
    this.watchSilence(generation);
  }

  private async received(text: string): Promise<void> {
    let parsed;
    try {
      parsed = liveServerMessageSchema.safeParse(JSON.parse(text));
    } catch {
      parsed = null;
    }
    if (!parsed?.success) {
      this.deps.log.warn('live sync: a message from the workspace was not understood; ignored');
      return;
    }
    const message = parsed.data;
    if (message.type === 'event') return this.handle(message);
    const resumed = this.lastSeq !== undefined;
    this.lastSeq = message.seq;
    this.state = 'open';
    this.attempt = 0;
    this.deps.log.info(`live sync: connected (seq ${message.seq}${resumed ? ', resumed' : ''})`);
    for (const listener of this.connectedListeners) listener();
    if (message.type === 'resync-required') {
      // Too far behind to replay: everything may have changed, our own record included.
      await this.refreshCopy();
      this.emit({ type: 'resync', scope: 'team' });
      return;
    }
    for (const missed of message.missed) await this.handle(missed);
  }

  private async handle({ seq, event }: SequencedEvent): Promise<void> {
    this.lastSeq = Math.max(this.lastSeq ?? 0, seq);
    const own = (await this.deps.session.view())?.agent.id;
    if (event.type === 'agent-changed' && event.agentId === own) return this.refreshCopy();
    // Removed: the server closes the connection with its code next (closed() signs out).
    if (event.type === 'agent-removed' && event.agentId === own) return;
    if (event.type === 'resync') await this.refreshCopy();
    this.emit(event);
  }

  private async closed(generation: number, code: number): Promise<void> {
    this.socket = null;
    this.clearTimers();
    if (code === LIVE_CLOSE.removed || code === LIVE_CLOSE.disabled) {
      this.stop();
      await this.deps.session.endedByAdmin(code === LIVE_CLOSE.removed ? 'removed' : 'disabled');
      this.deps.sessionEnded();
      return;
    }
    if (code === LIVE_CLOSE.tokenExpired && this.attempt === 0) {
      // Routine every few minutes: a fresh token and straight back, "since" where we were.
      this.attempt += 1;
      return this.connect();
    }
    if (code === LIVE_CLOSE.unauthorized) {
      // Our token was refused: is the session itself over?
      const outcome = await this.deps.session.resume();
      if (generation !== this.generation) return;
      if (outcome === 'ended' || outcome === 'none') {
        this.stop();
        this.deps.sessionEnded();
        return;
      }
    }
    this.waitAndRetry(generation, `the connection closed (${code})`);
  }

  private waitAndRetry(generation: number, why: string): void {
    if (generation !== this.generation) return;
    this.attempt += 1;
    const delay = backoffDelay(this.attempt, this.deps.random, DEFAULT_RETRY_POLICY.network);
    this.deps.log.info(`live sync: ${why}; again in ${Math.round(delay / 1000)} s`);
    this.state = 'waiting';
    this.cancelRetry = this.deps.clock.setTimer(() => {
      this.cancelRetry = null;
      if (generation === this.generation) void this.connect();
    }, delay);
  }

  private end(generation: number): void {
    if (generation === this.generation) this.stop();
  }

  private watchSilence(generation: number): void {
    this.cancelSilence?.();
    this.cancelSilence = this.deps.clock.setTimer(() => {
      if (generation !== this.generation || !this.socket) return;
      this.deps.log.warn('live sync: the workspace went silent; reconnecting');
      const socket = this.socket;
      this.socket = null;
      socket.close();
      this.waitAndRetry(generation, 'silence');
    }, SILENCE_MS);
  }

  private clearTimers(): void {
    this.cancelRetry?.();
    this.cancelRetry = null;
    this.cancelSilence?.();
    this.cancelSilence = null;
  }

  private async refreshCopy(): Promise<void> {
    try {
      await this.deps.session.refreshCopy();
      this.deps.copyChanged();
    } catch (error) {
      // Kept as it was; the next change or reconnect tries again.
      this.deps.log.warn(`live sync: own record not refreshed: ${error instanceof UserFacingError ? (error.workspace?.failure ?? 'refused') : String(error)}`);
    }
  }

  private emit(event: LiveEvent): void {
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch (error) {
        this.deps.log.error(`live sync: a listener failed: ${String(error)}`);
      }
    }
  }
}
