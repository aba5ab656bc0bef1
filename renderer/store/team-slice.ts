import type { StateCreator } from 'zustand/vanilla';
import type { IpcError, IpcResult } from '../../preload/contract';
import type { Agent, AgentCreate, AgentPatch } from '../../common/schemas/workspace/agent';
import type { Group, GroupCreate, GroupPatch } from '../../common/schemas/workspace/group';
import { resendRefusalText } from '../features/team/invitation-text';
import { teamRefusalText } from '../features/team/team-refusal-text';
import type { RingdeskDeps, RingdeskState, TeamRefusal, TeamResult, TeamSlice } from './types';
import type { AgentSummary } from '../../common/schemas/workspace/agent';

/** Agents per page: a few screens' worth; more come as the admin scrolls. */
export const TEAM_PAGE_SIZE = 100;
/** The largest page the workspace answers (agentListQuerySchema). */
const LARGEST_PAGE = 500;

const IDLE: TeamSlice['team'] = { search: '', role: null, groupId: null, agents: [], total: 0, status: 'idle', loadingMore: false, error: null, offline: false, offlineAsOf: null, groups: [] };

/**
 * The team as an admin sees it: a page-by-page copy of the agent list
 * (name order, filtered by search, role and group) and every group. The
 * copy is kept when a refresh fails, for reading while offline; edits go to
 * main at once and are never queued. `refreshTeam` is the one way the copy
 * is brought up to date — on opening the Team area, after each edit, and
 * (later) when the workspace pushes a change.
 */
export function createTeamSlice({ desktop }: RingdeskDeps): StateCreator<RingdeskState, [], [], TeamSlice> {
  let generation = 0;

  return (set, get) => {
    const patch = (changes: Partial<TeamSlice['team']>) => set((s) => ({ team: { ...s.team, ...changes } }));
    const query = (offset: number, limit: number) => {
      const { search, role, groupId } = get().team;
      return { limit, offset, ...(search ? { search } : {}), ...(role ? { role } : {}), ...(groupId ? { groupId } : {}) };
    };
    const offlineOf = (error: IpcError) => error.code === 'workspace' && error.failure === 'workspace-unreachable';

    /** Names of the agents a refusal mentions: from the copy, else asked of main (a few at most). */
    const namesOf = async (ids: readonly string[]): Promise<string[]> => {
      const known = new Map(get().team.agents.map((a) => [a.id, a.fullName]));
      const names = await Promise.all(
        ids.slice(0, 3).map(async (id) => known.get(id) ?? (await desktop.team.getAgent({ id }).then((r) => (r.ok ? r.value.fullName : null)))),
      );
      return names.filter((n): n is string => n !== null);
    };

    const refusalOf = async (error: IpcError): Promise<TeamRefusal> => {
      if (error.code === 'invalid-input') return { fields: error.fields, message: null, conflict: null, offline: false };
      const names = error.code === 'workspace' && error.agentIds ? await namesOf(error.agentIds) : [];
      return {
        fields: {},
        message: teamRefusalText(error, names),
        conflict: error.code === 'workspace' && error.changedBy ? { fullName: error.changedBy.fullName, at: error.changedBy.at } : null,
        offline: offlineOf(error),
      };
    };

    /** An edit: main's answer, the copy refreshed after a success, refusals in words or per field. */
    const edit = async <T>(pending: Promise<IpcResult<T>>): Promise<TeamResult<T>> => {
      const result = await pending;
      if (!result.ok) {
        const refusal = await refusalOf(result.error);
        if (refusal.offline) patch({ offline: true });
        return { ok: false, refusal };
      }
      await get().refreshTeam();
      return { ok: true, value: result.value };
    };

    /**
     * Unreachable: main's kept copy (across restarts) says as of when; when
     * this window has nothing better yet, it is what the Team area shows,
     * the filters applied to it here.
     */
    const readKeptCopy = async (mine: number) => {
      const kept = await desktop.team.copy();
      if (mine !== generation || !kept.ok || !kept.value) return;
      const copy = kept.value;
      const { search, role, groupId, status } = get().team;
      patch({ offlineAsOf: copy.savedAt });
      if (status === 'ready' && get().team.groups.length > 0) return;
      const filtered = search || role || groupId;
      const agents = filtered ? copy.agents.filter((a) => matchesTeamFilter(a, { search, role, groupId })) : copy.agents;
      patch({
        ...(status === 'ready' ? {} : { agents, total: filtered ? agents.length : copy.total, status: 'ready' as const }),
        ...(get().team.groups.length === 0 ? { groups: [...copy.groups].sort((a, b) => a.name.localeCompare(b.name)) } : {}),
      });
    };

    const loadGroups = async () => {
      const result = await desktop.team.listGroups();
      if (result.ok) patch({ groups: [...result.value.groups].sort((a, b) => a.name.localeCompare(b.name)) });
      return result;
    };

    return {
      team: IDLE,

      refreshTeam: async () => {
        const mine = ++generation;
        const held = get().team.agents.length;
        patch({ status: get().team.status === 'ready' ? 'ready' : 'loading', error: null });
        const [agents, groups] = await Promise.all([desktop.team.listAgents(query(0, Math.min(LARGEST_PAGE, Math.max(TEAM_PAGE_SIZE, held)))), loadGroups()]);
        if (mine !== generation) return;
        const failed = !agents.ok ? agents.error : !groups.ok ? groups.error : null;
        if (agents.ok) patch({ agents: agents.value.agents, total: agents.value.total, status: 'ready' });
        if (failed) {
          // The last copy stays for reading; the view says why it may be stale.
          patch({ status: get().team.status === 'ready' ? 'ready' : 'failed', error: teamRefusalText(failed), offline: offlineOf(failed) });
          if (offlineOf(failed)) await readKeptCopy(mine);
        } else patch({ offline: false, offlineAsOf: null });
      },

      filterTeam: async (filter) => {
        patch({ ...filter, agents: [], total: 0, status: 'loading' });
        await get().refreshTeam();
      },

      loadMoreAgents: async () => {
        const { agents, total, loadingMore, status } = get().team;
        if (loadingMore || status !== 'ready' || agents.length >= total) return;
        const mine = generation;
        patch({ loadingMore: true });
        const result = await desktop.team.listAgents(query(agents.length, TEAM_PAGE_SIZE));
        if (mine !== generation) return;
        if (!result.ok) {
          patch({ loadingMore: false, error: teamRefusalText(result.error), offline: offlineOf(result.error) });
          return;
        }
        const known = new Set(agents.map((a) => a.id));
        patch({ agents: [...agents, ...result.value.agents.filter((a) => !known.has(a.id))], total: result.value.total, loadingMore: false });
      },

      readTeamAgent: async (id) => {
        const result = await desktop.team.getAgent({ id });
        return result.ok ? { ok: true, value: result.value } : { ok: false, refusal: await refusalOf(result.error) };
      },
      createTeamAgent: (body: AgentCreate) => edit<Agent>(desktop.team.createAgent(body)),
      updateTeamAgent: (id: string, changes: AgentPatch) => edit<Agent>(desktop.team.updateAgent({ id, ...changes })),
      deleteTeamAgent: (id: string) => edit<null>(desktop.team.deleteAgent({ id })),
      createTeamGroup: (body: GroupCreate) => edit<Group>(desktop.team.createGroup(body)),
      updateTeamGroup: (id: string, changes: GroupPatch) => edit<Group>(desktop.team.updateGroup({ id, ...changes })),
      deleteTeamGroup: (id: string) => edit<null>(desktop.team.deleteGroup({ id })),
      readAgentInvitation: async (id) => {
        const result = await desktop.team.agentInvitation({ id });
        return result.ok ? { ok: true, value: result.value } : { ok: false, refusal: await refusalOf(result.error) };
      },
      resendTeamInvitation: async (id) => {
        // Nothing in the list changes (the agent stays pending), so no refresh.
        const result = await desktop.team.resendInvitation({ id });
        if (result.ok) return { ok: true, value: result.value };
        const refusal = await refusalOf(result.error);
        if (refusal.offline) patch({ offline: true });
        return { ok: false, refusal: { ...refusal, message: resendRefusalText(result.error) } };
      },
      readAgentActivity: async (id, offset, limit) => {
        const result = await desktop.team.agentAudit({ id, offset, limit });
        return result.ok ? { ok: true, value: result.value } : { ok: false, refusal: await refusalOf(result.error) };
      },
      findTeamAgents: async (filter, limit) => {
        const result = await desktop.team.listAgents({ ...filter, limit, offset: 0 });
        return result.ok ? result.value.agents : [];
      },
    };
  };
}

/**
 * The list's filters applied to the kept copy offline, like the workspace
 * does: role, group, and `search` in the name, email or extension, any case.
 */
export function matchesTeamFilter(agent: AgentSummary, filter: Pick<TeamSlice['team'], 'search' | 'role' | 'groupId'>): boolean {
  if (filter.role && agent.role !== filter.role) return false;
  if (filter.groupId && !agent.groupIds.includes(filter.groupId)) return false;
  const needle = filter.search.trim().toLowerCase();
  return !needle || [agent.fullName, agent.email, agent.extension].some((field) => field.toLowerCase().includes(needle));
}
