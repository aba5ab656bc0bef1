import { Phone } from 'lucide-react';
import { useEffect, useId, useMemo, useState } from 'react';
import { DASHBOARD_MIN_TEAM } from '../../../common/schemas/workspace/agent';
import { useRingdesk } from '../../store/RingdeskStoreProvider';
import { selectDashboardWanted } from '../../store/selectors';
import { TeammateStatus } from '../team/TeammateStatus';
import './dashboard.css';

/**
 * The Extended Agents Dashboard, on the Phone view: for an admin who turned
 * it on, in a team of more than 3 agents (the workspace's rule). Teammates
 * with their live status, filtered by group, each one click from a call
 * (the dialer's own call action, so it behaves like dialling the extension).
 */
export function AgentsDashboard() {
  const wanted = useRingdesk(selectDashboardWanted);
  return wanted ? <DashboardPanel /> : null;
}

function DashboardPanel() {
  const headingId = useId();
  const groupFieldId = useId();
  const watchDashboard = useRingdesk((s) => s.watchDashboard);
  const { roster, rosterGroups, rosterStatus, rosterError, statuses } = useRingdesk((s) => s.teamLive);
  const me = useRingdesk((s) => s.snapshot?.workspace?.agent.id ?? null);
  const dial = useRingdesk((s) => s.dial);
  const [groupId, setGroupId] = useState('');
  const [refused, setRefused] = useState<string | null>(null);

  useEffect(() => watchDashboard(), [watchDashboard]);

  const working = useMemo(() => roster.filter((a) => a.status !== 'disabled'), [roster]);
  const shown = useMemo(
    () => working.filter((a) => a.id !== me && a.status === 'active' && (groupId === '' || a.groupIds.includes(groupId))),
    [working, me, groupId],
  );
  // The panel is for teams of more than 3: smaller (or not loaded yet), nothing is shown.
  if (rosterStatus === 'failed' && roster.length === 0) {
    return (
      <section className="dashboard" aria-labelledby={headingId}>
        <h2 id={headingId}>Agents</h2>
        <p role="alert">{rosterError ?? 'The team could not be loaded.'}</p>
      </section>
    );
  }
  if (working.length < DASHBOARD_MIN_TEAM) return null;

  const call = (extension: string) => {
    const outcome = dial(extension);
    setRefused(outcome.ok ? null : outcome.message);
  };

  return (
    <section className="dashboard" aria-labelledby={headingId}>
      <div className="dashboard-top">
        <h2 id={headingId}>Agents</h2>
        <div className="field dashboard-filter">
          <label htmlFor={groupFieldId}>Group</label>
          <select id={groupFieldId} value={groupId} onChange={(e) => setGroupId(e.target.value)}>
            <option value="">All groups</option>
            {rosterGroups.map((g) => (
              <option key={g.id} value={g.id}>
                {g.name}
              </option>
            ))}
          </select>
        </div>
      </div>
      {rosterError && <p className="dashboard-stale" role="status">{rosterError}</p>}
      {refused && (
        <p className="form-problem" role="alert">
          {refused}
        </p>
      )}
      {shown.length === 0 ? (
        <p className="dashboard-empty">No teammates in this group.</p>
      ) : (
        <ul className="dashboard-list" aria-label="Teammates">
          {shown.map((agent) => (
            <li key={agent.id} className="dashboard-row">
              <span className="dashboard-who">
                <span className="dashboard-name">{agent.fullName}</span>
                <span className="dashboard-ext">Ext. {agent.extension}</span>
              </span>
              <TeammateStatus status={statuses[agent.id]} />
              <button type="button" className="dashboard-call" aria-label={`Call ${agent.fullName}, extension ${agent.extension}`} onClick={() => call(agent.extension)}>
                <Phone aria-hidden="true" size={16} />
                <span>Call</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
