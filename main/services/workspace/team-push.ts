import { MAX_TEAM_UPDATE_ENTRIES, type AgentStatus, type LiveEvent, type TeamUpdate } from '../../../common/schemas/workspace/live';
import type { Clock } from '../../ports/clock';
import type { TeamEvents } from './live-sync';

/** Team events within this long reach the window as one update (a group rename can touch hundreds of agents). */
export const TEAM_PUSH_COALESCE_MS = 100;

/**
 * Passes live sync's team events on to the window, coalesced: the first
 * event of a burst starts a {@link TEAM_PUSH_COALESCE_MS} wait, and what
 * came meanwhile goes as one TeamUpdate — each agent once at its newest
 * version, each teammate's newest status, "some group changed" once. So a
 * burst costs the window one refetch, not one per event.
 *
 *   idle ──event──► gathering ──100 ms──► send(update) ──► idle
 *                    └─ event: merged into the update
 */
export function createTeamPush(deps: { events: TeamEvents; clock: Clock; send: (update: TeamUpdate) => void }): { stop(): void; flush(): void } {
  let pending: Gathered | null = null;
  let cancel: (() => void) | null = null;

  const flush = () => {
    cancel?.();
    cancel = null;
    if (!pending) return;
    const update = toUpdate(pending);
    pending = null;
    deps.send(update);
  };

  const stopListening = deps.events.on((event) => {
    pending = merge(pending ?? gathered(), event);
    cancel ??= deps.clock.setTimer(flush, TEAM_PUSH_COALESCE_MS);
  });

  return {
    /** Sends what is gathered now (tests). */
    flush,
    stop() {
      stopListening();
      cancel?.();
      cancel = null;
      pending = null;
    },
  };
}

interface Gathered {
  agents: Map<string, number>;
  removed: Set<string>;
  groups: boolean;
  statuses: Map<string, AgentStatus>;
  resync: boolean;
}

const gathered = (): Gathered => ({ agents: new Map(), removed: new Set(), groups: false, statuses: new Map(), resync: false });

function merge(into: Gathered, event: LiveEvent): Gathered {
  switch (event.type) {
    case 'agent-changed':
      into.agents.set(event.agentId, Math.max(into.agents.get(event.agentId) ?? 0, event.version));
      into.removed.delete(event.agentId);
      break;
    case 'agent-removed':
      into.agents.delete(event.agentId);
      into.statuses.delete(event.agentId);
      into.removed.add(event.agentId);
      break;
    case 'group-changed':
    case 'group-removed':
      into.groups = true;
      break;
    case 'status-changed':
      into.statuses.set(event.status.agentId, event.status);
      break;
    case 'resync':
      into.resync = true;
      break;
  }
  return into;
}

function toUpdate(g: Gathered): TeamUpdate {
  const tooMany = g.agents.size > MAX_TEAM_UPDATE_ENTRIES || g.removed.size > MAX_TEAM_UPDATE_ENTRIES || g.statuses.size > MAX_TEAM_UPDATE_ENTRIES;
  if (g.resync || tooMany) return { agents: [], removedAgentIds: [], groups: true, statuses: [], resync: true };
  return {
    agents: [...g.agents].map(([agentId, version]) => ({ agentId, version })),
    removedAgentIds: [...g.removed],
    groups: g.groups,
    statuses: [...g.statuses.values()],
    resync: false,
  };
}
