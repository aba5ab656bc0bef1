import { useCallback, useEffect, useId, useMemo, useState } from 'react';
import { AGENT_ROLES, type AgentRole, type AgentSummary } from '../../../common/schemas/workspace/agent';
import { WindowedList } from '../../components/WindowedList';
import { useRingdesk } from '../../store/RingdeskStoreProvider';
import { useDebounced } from '../dialer/use-debounced';
import { ROLE_LABELS } from '../../domain/role-labels';
import { AGENT_ROW_HEIGHT, AgentRow } from './AgentRow';

export const TEAM_SEARCH_DELAY_MS = 250;
const rowKey = (agent: AgentSummary) => agent.id;
const rowHeight = () => AGENT_ROW_HEIGHT;

/**
 * The team list: search (name, email, extension), role and group filters,
 * and the matching agents in name order — fetched a page at a time as the
 * admin scrolls, and drawn only around what is on screen, so 2,000 agents
 * open as fast as 20.
 */
export function AgentList({ onOpen, onAdd, canEdit }: { onOpen: (agent: AgentSummary) => void; onAdd: () => void; canEdit: boolean }) {
  const searchId = useId();
  const roleId = useId();
  const groupId = useId();
  const team = useRingdesk((s) => s.team);
  const filterTeam = useRingdesk((s) => s.filterTeam);
  const loadMore = useRingdesk((s) => s.loadMoreAgents);
  const refresh = useRingdesk((s) => s.refreshTeam);
  const statuses = useRingdesk((s) => s.teamLive.statuses);
  const [searchText, setSearchText] = useState(team.search);
  const search = useDebounced(searchText.trim(), TEAM_SEARCH_DELAY_MS);

  useEffect(() => {
    if (search !== team.search) void filterTeam({ search });
  }, [search, team.search, filterTeam]);

  const groupNames = useMemo(() => {
    const names = new Map(team.groups.map((g) => [g.id, g.name]));
    return (agent: AgentSummary) => agent.groupIds.map((id) => names.get(id) ?? '').filter(Boolean).join(', ');
  }, [team.groups]);
  const renderRow = useCallback(
    (agent: AgentSummary) => <AgentRow key={agent.id} agent={agent} groupNames={groupNames(agent)} status={statuses[agent.id]} onOpen={onOpen} />,
    [groupNames, onOpen, statuses],
  );
  const nearEnd = useCallback(() => void loadMore(), [loadMore]);
  const filtered = team.search !== '' || team.role !== null || team.groupId !== null;

  return (
    <div className="team-list">
      <div className="team-tools">
        <div className="field team-search">
          <label htmlFor={searchId}>Search agents</label>
          <input id={searchId} type="search" autoComplete="off" spellCheck={false} placeholder="Name, email or extension" value={searchText} onChange={(e) => setSearchText(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={roleId}>Role</label>
          <select id={roleId} value={team.role ?? ''} onChange={(e) => void filterTeam({ role: (AGENT_ROLES as readonly string[]).includes(e.target.value) ? (e.target.value as AgentRole) : null })}>
            <option value="">All roles</option>
            {AGENT_ROLES.map((role) => (
              <option key={role} value={role}>
                {ROLE_LABELS[role]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={groupId}>Group</label>
          <select id={groupId} value={team.groupId ?? ''} onChange={(e) => void filterTeam({ groupId: e.target.value || null })}>
            <option value="">All groups</option>
            {team.groups.map((g) => (
              <option key={g.id} value={g.id}>
                {g.name}
              </option>
            ))}
          </select>
        </div>
        <button type="button" className="primary team-add" onClick={onAdd} disabled={!canEdit}>
          Add agent
        </button>
      </div>
      <p className="team-count" role="status">
        {team.status === 'ready' ? `${team.total} ${team.total === 1 ? 'agent' : 'agents'}` : ''}
      </p>
      {team.status === 'failed' ? (
        <div className="team-empty" role="alert">
          <p>{team.error ?? 'The team could not be loaded.'}</p>
          <button type="button" onClick={() => void refresh()}>
            Retry
          </button>
        </div>
      ) : team.agents.length === 0 ? (
        <p className="team-empty">{team.status === 'ready' ? (filtered ? 'No agents match.' : 'No agents yet.') : 'Loading…'}</p>
      ) : (
        <WindowedList className="team-rows" label="Agents" rows={team.agents} rowKey={rowKey} rowHeight={rowHeight} renderRow={renderRow} busy={team.status === 'loading' || team.loadingMore} followTop onNearEnd={nearEnd} />
      )}
    </div>
  );
}
