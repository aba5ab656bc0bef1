import { createSerialQueue, type SerialQueue } from '../../../common/serial-queue';
import type { AgentRole } from '../../../common/schemas/workspace/agent';
import { LIVE_CLOSE, type LiveClientMessage, type LiveCloseCode, type LiveEvent, type LiveServerMessage, type SequencedEvent } from '../../../common/schemas/workspace/live';
import type { Database } from '../../db/open-database';
import type { AccessTokens } from '../access-tokens';
import type { Clock } from '../clock';
import type { ServiceLog } from '../team-writes';
import type { ConnectionPresence } from './connection-presence';
import type { EventBus } from './event-bus';

/** One app's push connection, as the hub sees it (the route adapts the WebSocket). */
export interface LiveSocket {
  send(message: LiveServerMessage): void;
  close(code: LiveCloseCode | 1001): void;
}

/** How often connections are checked for a lapsed access token (events check it too). */
const EXPIRY_CHECK_MS = 5_000;

interface Member {
  socket: LiveSocket;
  agentId: string;
  role: AgentRole;
  expiresAt: number;
  /** Events that arrived while `ready` was being put together; null once it was sent. */
  pending: SequencedEvent[] | null;
  lastSeq: number;
  /** One member's events go out one after another, in seq order, even when one needs a database read. */
  queue: SerialQueue;
}

/**
 * Who hears what. Admins: everything. Any agent: changes to their own
 * record (an admin's edit reaches the agent it is about) and resync hints.
 * Status and groups are the admins' (the team-status route is theirs).
 */
export function meantFor(event: LiveEvent, viewer: { agentId: string; role: AgentRole }): boolean {
  if (viewer.role !== 'basic') return true;
  if (event.type === 'agent-changed' || event.type === 'agent-removed') return event.agentId === viewer.agentId;
  return event.type === 'resync';
}

/**
 * This replica's push connections. `join` checks the hello (token, then the
 * agent as it is now), answers `ready` with what the app missed since its
 * last `seq` (or `resync-required`), then forwards every event meant for it.
 * Its own record changing is re-read: removed or disabled closes the
 * connection with that code; a new role changes what it hears from now on.
 */
export class LiveHub {
  private readonly members = new Set<Member>();
  private readonly unsubscribe: () => void;
  private readonly expiryTimer: NodeJS.Timeout;

  constructor(private readonly deps: { database: Database; bus: EventBus; tokens: AccessTokens; clock: Clock; log: ServiceLog; connections: ConnectionPresence }) {
    this.unsubscribe = deps.bus.subscribe((event) => this.dispatch(event));
    this.expiryTimer = setInterval(() => this.closeExpired(), EXPIRY_CHECK_MS);
    this.expiryTimer.unref();
  }

  /** Connected apps on this replica. */
  get size(): number {
    return this.members.size;
  }

  async join(socket: LiveSocket, hello: LiveClientMessage): Promise<(() => void) | null> {
    const claims = await this.deps.tokens.claims(hello.token);
    if (!claims) {
      socket.close(LIVE_CLOSE.unauthorized);
      return null;
    }
    const agent = await this.readAgent(claims.agentId);
    const refusal = agent ? closeCodeFor(agent.status) : LIVE_CLOSE.removed;
    if (refusal !== null || !agent) {
      socket.close(refusal ?? LIVE_CLOSE.removed);
      return null;
    }
    // Its row first: from here on no replica's sweep takes this agent's app for gone.
    const connectionId = await this.deps.connections.opened(agent.id);
    let left = false;
    const leave = () => {
      this.members.delete(member);
      if (left) return;
      left = true;
      this.deps.connections.closed(connectionId);
    };
    const member: Member = { socket, agentId: agent.id, role: agent.role, expiresAt: claims.expiresAt, pending: [], lastSeq: 0, queue: createSerialQueue((err) => this.deps.log.error({ err }, 'live: delivering an event failed')) };
    // Listening before reading the log: nothing published meanwhile falls between the two.
    this.members.add(member);
    const { log } = this.deps.bus;
    let answer: Awaited<ReturnType<typeof log.since>>;
    try {
      answer = hello.since === undefined ? { seq: await log.currentSeq(), missed: [] } : await log.since(hello.since);
    } catch (err) {
      leave(); // the route closes the socket: its row must not stay open
      throw err;
    }
    if ('resync' in answer) {
      socket.send({ type: 'resync-required', seq: answer.seq });
    } else {
      socket.send({ type: 'ready', seq: answer.seq, missed: answer.missed.filter((e) => meantFor(e.event, member)) });
    }
    member.lastSeq = answer.seq;
    const waiting = member.pending ?? [];
    member.pending = null;
    for (const event of waiting) void member.queue.run(() => this.deliver(member, event));
    return leave;
  }

  async close(): Promise<void> {
    this.unsubscribe();
    clearInterval(this.expiryTimer);
    for (const member of this.members) member.socket.close(1001);
    this.members.clear();
    await this.deps.connections.stop();
  }

  private dispatch(event: SequencedEvent): void {
    for (const member of this.members) {
      if (member.pending) member.pending.push(event);
      else void member.queue.run(() => this.deliver(member, event));
    }
  }

  private async deliver(member: Member, { seq, event }: SequencedEvent): Promise<void> {
    if (seq <= member.lastSeq || !this.members.has(member)) return;
    member.lastSeq = seq;
    if (this.deps.clock.now() >= member.expiresAt) return this.drop(member, LIVE_CLOSE.tokenExpired);
    const aboutMe = (event.type === 'agent-changed' || event.type === 'agent-removed') && event.agentId === member.agentId;
    if (aboutMe || event.type === 'resync') {
      const agent = event.type === 'agent-removed' ? undefined : await this.readAgent(member.agentId);
      const code = agent ? closeCodeFor(agent.status) : LIVE_CLOSE.removed;
      if (code !== null || !agent) return this.drop(member, code ?? LIVE_CLOSE.removed);
      member.role = agent.role;
    }
    if (meantFor(event, member)) member.socket.send({ type: 'event', seq, event });
  }

  private closeExpired(): void {
    const now = this.deps.clock.now();
    for (const member of this.members) if (now >= member.expiresAt) this.drop(member, LIVE_CLOSE.tokenExpired);
  }

  private drop(member: Member, code: LiveCloseCode): void {
    this.members.delete(member);
    member.socket.close(code);
  }

  private readAgent(id: string) {
    return this.deps.database.db.selectFrom('agent').select(['id', 'role', 'status']).where('id', '=', id).executeTakeFirst();
  }
}

/** An agent that may hold a connection: active. Disabled is said as such; pending (an email change) as unauthorized. */
function closeCodeFor(status: 'pending' | 'active' | 'disabled'): LiveCloseCode | null {
  if (status === 'active') return null;
  return status === 'disabled' ? LIVE_CLOSE.disabled : LIVE_CLOSE.unauthorized;
}
