import type { StateCreator } from 'zustand/vanilla';
import type { AgentStatus, TeamUpdate } from '../../common/schemas/workspace/live';
import { fieldProblemText } from '../features/setup/field-problem-text';
import { teamRefusalText } from '../features/team/team-refusal-text';
import type { RingdeskDeps, RingdeskState, TeamLiveSlice } from './types';

/** The most teammates the dashboard lists (the workspace's largest page). */
export const DASHBOARD_ROSTER_LIMIT = 500;

const IDLE: TeamLiveSlice['teamLive'] = { statuses: {}, changed: {}, roster: [], rosterGroups: [], rosterStatus: 'idle', rosterError: null };

/**
 * The team as it changes on the workspace: main pushes each burst of live
 * sync's events as one `teamChanged` update, and this slice brings up to
 * date only what is on screen — the Team list and groups while the Team
 * area watches, the dashboard's roster while the dashboard watches — and
 * keeps teammates' status (agentId → registered, presence, on a call) for
 * both. An agent open in the edit form is never refetched under the admin's
 * typing: `changed` records its newer version so the view can say so.
 */
export function createTeamLiveSlice({ desktop }: RingdeskDeps): StateCreator<RingdeskState, [], [], TeamLiveSlice> {
  let listWatchers = 0;
  let dashboardWatchers = 0;
  let rosterGeneration = 0;

  return (set, get) => {
    const patch = (changes: Partial<TeamLiveSlice['teamLive']>) => set((s) => ({ teamLive: { ...s.teamLive, ...changes } }));

    const applyUpdate = (update: TeamUpdate) => {
      const { statuses, changed } = get().teamLive;
      const nextStatuses: Record<string, AgentStatus> = { ...statuses };
      const nextChanged = { ...changed };
      for (const status of update.statuses) nextStatuses[status.agentId] = status;
      for (const id of update.removedAgentIds) delete nextStatuses[id];
      for (const { agentId, version } of update.agents) nextChanged[agentId] = Math.max(nextChanged[agentId] ?? 0, version);
      patch({ statuses: nextStatuses, changed: nextChanged });

      const teamChanged = update.resync || update.groups || update.agents.length > 0 || update.removedAgentIds.length > 0;
      if (teamChanged && listWatchers > 0) void get().refreshTeam();
      if (teamChanged && dashboardWatchers > 0) void get().loadRoster();
      if (update.resync) void get().refreshTeamStatus();
    };

    return {
      teamLive: IDLE,

      followTeam: () => desktop.onTeamChanged(applyUpdate),

      refreshTeamStatus: async () => {
        const result = await desktop.team.status();
        if (result.ok) patch({ statuses: Object.fromEntries(result.value.agents.map((a) => [a.agentId, a])) });
        else if (result.error.code === 'workspace' && result.error.failure === 'workspace-unreachable' && Object.keys(get().teamLive.statuses).length === 0) {
          // Nothing known this session: teammates' status as main last kept it (the banner says as of when).
          const kept = await desktop.team.copy();
          if (kept.ok && kept.value) patch({ statuses: Object.fromEntries(kept.value.statuses.map((a) => [a.agentId, a])) });
        }
      },

      watchTeamList: () => {
        listWatchers += 1;
        void get().refreshTeam();
        void get().refreshTeamStatus();
        return () => void (listWatchers -= 1);
      },

      watchDashboard: () => {
        dashboardWatchers += 1;
        void get().loadRoster();
        void get().refreshTeamStatus();
        return () => void (dashboardWatchers -= 1);
      },

      loadRoster: async () => {
        const mine = ++rosterGeneration;
        if (get().teamLive.rosterStatus !== 'ready') patch({ rosterStatus: 'loading' });
        const [agents, groups] = await Promise.all([desktop.team.listAgents({ limit: DASHBOARD_ROSTER_LIMIT, offset: 0 }), desktop.team.listGroups()]);
        if (mine !== rosterGeneration) return;
        if (agents.ok) patch({ roster: agents.value.agents, rosterStatus: 'ready', rosterError: null });
        if (groups.ok) patch({ rosterGroups: [...groups.value.groups].sort((a, b) => a.name.localeCompare(b.name)) });
        const failed = !agents.ok ? agents.error : !groups.ok ? groups.error : null;
        // The last roster stays on screen; the panel says why it may be stale.
        if (failed) patch({ rosterStatus: get().teamLive.rosterStatus === 'ready' ? 'ready' : 'failed', rosterError: teamRefusalText(failed) });
      },

      setExtendedDashboard: async (on) => {
        const result = await desktop.workspace.setExtendedDashboard({ on });
        if (result.ok) {
          get().applySnapshot(result.value);
          return null;
        }
        const { error } = result;
        if (error.code === 'invalid-input') {
          const codes = Object.values(error.fields);
          return codes.length ? codes.map((c) => fieldProblemText(c)).join(' ') : teamRefusalText(error);
        }
        return teamRefusalText(error);
      },
    };
  };
}
