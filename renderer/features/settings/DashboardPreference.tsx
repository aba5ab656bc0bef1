import { useId, useState } from 'react';
import { useRingdesk } from '../../store/RingdeskStoreProvider';
import { selectIsTeamAdmin } from '../../store/selectors';

/**
 * The admin's own Extended Agents Dashboard preference, kept on the
 * workspace (it follows the agent to any computer). The workspace decides:
 * a refusal (a team of 3 or fewer, no longer an admin) is shown in words and
 * the switch stays as the workspace has it.
 */
export function DashboardPreference() {
  const id = useId();
  const admin = useRingdesk(selectIsTeamAdmin);
  const on = useRingdesk((s) => s.snapshot?.workspace?.agent.extendedDashboard === true);
  const setExtendedDashboard = useRingdesk((s) => s.setExtendedDashboard);
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  if (!admin) return null;

  const change = async (next: boolean) => {
    setBusy(true);
    setRefusal(null);
    setRefusal(await setExtendedDashboard(next));
    setBusy(false);
  };

  return (
    <fieldset className="settings-group">
      <legend>Team</legend>
      <div className="field field-check">
        <input id={id} type="checkbox" role="switch" checked={on} disabled={busy} aria-describedby={`${id}-note`} onChange={(e) => void change(e.target.checked)} />
        <label htmlFor={id}>Extended Agents Dashboard</label>
      </div>
      <p id={`${id}-note`} className={refusal ? 'field-error' : 'field-hint'} role={refusal ? 'alert' : undefined}>
        {refusal ?? 'Your teammates and their status on the Phone view, one click to call. For teams of more than 3 agents.'}
      </p>
    </fieldset>
  );
}
