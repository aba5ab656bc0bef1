import { useCallback, useEffect, useState } from 'react';
import type { Agent, AgentSummary } from '../../../common/schemas/workspace/agent';
import { useRingdesk } from '../../store/RingdeskStoreProvider';
import type { Editor } from './agent-form';
import { AgentForm } from './AgentForm';
import { AgentList } from './AgentList';
import { GroupsPanel } from './GroupsPanel';
import { TEAM_OFFLINE_TEXT } from './team-refusal-text';
import { teamOfflineAsOfText } from './team-offline-text';
import './team.css';

type Editing = { kind: 'add' } | { kind: 'edit'; agent: Agent } | null;

/**
 * The Team area, for Administrators and the Owner: the agents (list, add,
 * edit, delete) and the groups. Opening it refreshes the copy; offline, the
 * last copy stays readable and edits are refused in words.
 */
export function TeamView() {
  const editorAgent = useRingdesk((s) => s.snapshot?.workspace?.agent ?? null);
  const watchTeamList = useRingdesk((s) => s.watchTeamList);
  const readAgent = useRingdesk((s) => s.readTeamAgent);
  const offline = useRingdesk((s) => s.team.offline);
  const offlineAsOf = useRingdesk((s) => s.team.offlineAsOf);
  // "Today" / "yesterday" for the copy's age, as of opening the area (like the history's day headings).
  const [openedAt] = useState(() => Date.now());
  const [tab, setTab] = useState<'agents' | 'groups'>('agents');
  const [editing, setEditing] = useState<Editing>(null);
  const [openError, setOpenError] = useState<string | null>(null);

  // On screen: refreshed now and whenever the workspace says the team changed.
  useEffect(() => watchTeamList(), [watchTeamList]);
  const openId = editing?.kind === 'edit' ? editing.agent.id : null;
  const newerVersion = useRingdesk((s) => (openId ? (s.teamLive.changed[openId] ?? 0) : 0));
  const changedElsewhere = editing?.kind === 'edit' && newerVersion > editing.agent.version;

  const open = useCallback(
    async (summary: AgentSummary) => {
      setOpenError(null);
      const result = await readAgent(summary.id);
      if (result.ok) setEditing({ kind: 'edit', agent: result.value });
      else setOpenError(result.refusal.message);
    },
    [readAgent],
  );
  const close = useCallback(() => setEditing(null), []);

  if (!editorAgent) return null;
  const editor: Editor = { id: editorAgent.id, role: editorAgent.role };

  return (
    <section className="team" aria-label="Team">
      {offline && (
        <p className="team-offline" role="status">
          {offlineAsOf === null ? `${TEAM_OFFLINE_TEXT} Showing the last copy.` : teamOfflineAsOfText(offlineAsOf, openedAt)}
        </p>
      )}
      {changedElsewhere && (
        <p className="team-updated" role="status">
          Someone else just updated this agent. Your changes are kept; saving will ask you to review theirs.
        </p>
      )}
      {editing ? (
        <AgentForm key={editing.kind === 'edit' ? editing.agent.id : 'new'} agent={editing.kind === 'edit' ? editing.agent : null} editor={editor} onClose={close} />
      ) : (
        <>
          <div className="team-tabs" role="group" aria-label="Team sections">
            <button type="button" aria-pressed={tab === 'agents'} onClick={() => setTab('agents')}>
              Agents
            </button>
            <button type="button" aria-pressed={tab === 'groups'} onClick={() => setTab('groups')}>
              Groups
            </button>
          </div>
          {openError && (
            <p className="form-problem" role="alert">
              {openError}
            </p>
          )}
          {tab === 'agents' ? <AgentList onOpen={(a) => void open(a)} onAdd={() => setEditing({ kind: 'add' })} canEdit /> : <GroupsPanel />}
        </>
      )}
    </section>
  );
}
