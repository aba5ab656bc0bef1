import { describe, expect, it } from 'vitest';
import { teamUpdateSchema, type LiveEvent, type TeamUpdate } from '../../../../../common/schemas/workspace/live';
import { createTeamPush, TEAM_PUSH_COALESCE_MS } from '../../../../../main/services/workspace/team-push';
import type { TeamEvents } from '../../../../../main/services/workspace/live-sync';
import { FakeClock } from '../../../../fakes/fake-clock';

const A = '00000000-0000-4000-8000-00000000000a';
const B = '00000000-0000-4000-8000-00000000000b';
const G = '00000000-0000-4000-8000-0000000000e1';

function pushed() {
  const listeners = new Set<(event: LiveEvent) => void>();
  const events: TeamEvents = { on: (l) => (listeners.add(l), () => void listeners.delete(l)) };
  const clock = new FakeClock();
  const sent: TeamUpdate[] = [];
  const push = createTeamPush({ events, clock, send: (u) => sent.push(teamUpdateSchema.parse(u)) });
  const emit = (...batch: LiveEvent[]) => batch.forEach((e) => listeners.forEach((l) => l(e)));
  return { clock, sent, push, emit, listeners };
}

describe("the team's changes pushed to the window", () => {
  it('reach the window as one update per burst, each agent once at its newest version and each status the newest', () => {
    const { clock, sent, emit } = pushed();
    emit(
      { type: 'agent-changed', agentId: A, version: 2 },
      { type: 'status-changed', status: { agentId: B, registered: true, presence: 'available', onCall: false } },
      { type: 'agent-changed', agentId: A, version: 4 },
      { type: 'group-changed', groupId: G, version: 3 },
      { type: 'status-changed', status: { agentId: B, registered: true, presence: 'away', onCall: false } },
    );
    expect(sent).toEqual([]);
    clock.advance(TEAM_PUSH_COALESCE_MS);
    expect(sent).toEqual([
      { agents: [{ agentId: A, version: 4 }], removedAgentIds: [], groups: true, statuses: [{ agentId: B, registered: true, presence: 'away', onCall: false }], resync: false },
    ]);
    emit({ type: 'agent-removed', agentId: A });
    clock.advance(TEAM_PUSH_COALESCE_MS);
    expect(sent[1]).toEqual({ agents: [], removedAgentIds: [A], groups: false, statuses: [], resync: false });
  });

  it('says "reload everything" when the workspace asked for a resync in the burst', () => {
    const { clock, sent, emit } = pushed();
    emit({ type: 'agent-changed', agentId: A, version: 2 }, { type: 'resync', scope: 'team' });
    clock.advance(TEAM_PUSH_COALESCE_MS);
    expect(sent).toEqual([{ agents: [], removedAgentIds: [], groups: true, statuses: [], resync: true }]);
  });

  it('stops listening when stopped, and drops what was gathered', () => {
    const { clock, sent, emit, push, listeners } = pushed();
    emit({ type: 'agent-changed', agentId: A, version: 2 });
    push.stop();
    clock.advance(TEAM_PUSH_COALESCE_MS);
    expect(sent).toEqual([]);
    expect(listeners.size).toBe(0);
  });
});
