import type { AgentSummary } from '../../../common/schemas/workspace/agent';
import type { AgentStatus } from '../../../common/schemas/workspace/live';
import { initialsOf } from '../phone/identity';
import { ROLE_LABELS } from '../../domain/role-labels';
import { TeammateStatus } from './TeammateStatus';

/** A row's height in px; must match .team-row in team.css (the list is windowed by it). */
export const AGENT_ROW_HEIGHT = 64;

/** One teammate in the list: initials, name, extension, role, groups, Pending / Disabled, and their status now. */
export function AgentRow({ agent, groupNames, status, onOpen }: { agent: AgentSummary; groupNames: string; status: AgentStatus | undefined; onOpen: (agent: AgentSummary) => void }) {
  return (
    <li className="team-item">
      <button type="button" className="team-row" onClick={() => onOpen(agent)}>
        <span className="avatar" aria-hidden="true">
          {initialsOf(agent.fullName, agent.extension)}
        </span>
        <span className="team-row-text">
          <span className="team-row-name">
            {agent.fullName}
            {agent.status === 'pending' && <span className="badge badge-pending">Pending</span>}
            {agent.status === 'disabled' && <span className="badge">Disabled</span>}
          </span>
          <span className="team-row-detail">
            Ext. {agent.extension} · {ROLE_LABELS[agent.role]}
            {groupNames && ` · ${groupNames}`}
          </span>
        </span>
        <TeammateStatus status={status} />
      </button>
    </li>
  );
}
