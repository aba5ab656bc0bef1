import { useState } from 'react';
import type { AuditEntry } from '../../../common/schemas/workspace/audit';
import { Disclosure } from '../../components/Disclosure';
import { auditFieldLabel, auditValueText, auditWhenFull, auditWhenText } from '../../domain/audit-words';
import { useRingdesk } from '../../store/RingdeskStoreProvider';

/** Entries per page of the trail. */
export const ACTIVITY_PAGE = 20;

/**
 * "Activity" on the agent edit form: the audit trail of this agent, newest
 * first — who changed which field, to what, when and from which address.
 * Folded until opened; the first page is read then (the trail can be long).
 * Every value is shown as text (names and emails come from people).
 */
export function AgentActivity({ agentId, now = Date.now, zone = 'system' }: { agentId: string; now?: () => number; zone?: string }) {
  const readActivity = useRingdesk((s) => s.readAgentActivity);
  const groups = useRingdesk((s) => s.team.groups);
  const [entries, setEntries] = useState<AuditEntry[]>([]);
  const [total, setTotal] = useState(0);
  const [status, setStatus] = useState<'idle' | 'loading' | 'ready'>('idle');
  const [error, setError] = useState<string | null>(null);

  const load = async (offset: number) => {
    setStatus('loading');
    setError(null);
    const result = await readActivity(agentId, offset, ACTIVITY_PAGE);
    if (result.ok) {
      setEntries((held) => [...(offset === 0 ? [] : held), ...result.value.entries]);
      setTotal(result.value.total);
    } else setError(result.refusal.message ?? 'The activity could not be read.');
    setStatus('ready');
  };
  const groupName = (id: string) => groups.find((g) => g.id === id)?.name;
  const at = now();

  return (
    <Disclosure summary="Activity" className="team-activity" onToggle={(open) => open && status === 'idle' && void load(0)}>
      {status === 'loading' && entries.length === 0 && <p className="field-hint">Loading…</p>}
      {error && <p className="form-problem">{error}</p>}
      {status === 'ready' && !error && entries.length === 0 && <p className="field-hint">No changes recorded yet.</p>}
      {entries.length > 0 && (
        <ol className="team-activity-list" aria-label="Changes, newest first">
          {entries.map((e) => (
            <li key={e.id}>
              <span className="team-activity-what">{changeText(e, groupName)}</span>
              <span className="team-activity-who">
                {' — '}
                {e.actor.fullName ?? (e.actor.agentId ? 'a former teammate' : 'the workspace')}
                {', '}
                <time dateTime={new Date(e.at).toISOString()} title={auditWhenFull(e.at, zone)}>
                  {auditWhenText(e.at, at, zone)}
                </time>
                {e.address ? `, from ${e.address}` : ''}
              </span>
            </li>
          ))}
        </ol>
      )}
      {entries.length < total && (
        <button type="button" onClick={() => void load(entries.length)} disabled={status === 'loading'}>
          Show older changes
        </button>
      )}
    </Disclosure>
  );
}

/** "Extension: 104 → 105", "Added to the team". */
function changeText(entry: AuditEntry, groupName: (id: string) => string | undefined): string {
  const label = auditFieldLabel(entry.field);
  const was = auditValueText(entry.field, entry.oldValue, groupName);
  const is = auditValueText(entry.field, entry.newValue, groupName);
  if (was === null || is === null) return label;
  return `${label}: ${was} → ${is}`;
}
