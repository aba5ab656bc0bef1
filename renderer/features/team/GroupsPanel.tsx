import { useState } from 'react';
import type { Group } from '../../../common/schemas/workspace/group';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { useRingdesk } from '../../store/RingdeskStoreProvider';
import { GroupForm } from './GroupForm';

/** The team's groups: each with its number and size; create, edit (rename, renumber, members) and delete. */
export function GroupsPanel() {
  const groups = useRingdesk((s) => s.team.groups);
  const deleteGroup = useRingdesk((s) => s.deleteTeamGroup);
  const [editing, setEditing] = useState<Group | 'new' | null>(null);
  const [deleting, setDeleting] = useState<Group | null>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);

  if (editing) return <GroupForm group={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />;

  const confirmDelete = async (group: Group) => {
    setBusy(true);
    const result = await deleteGroup(group.id);
    setBusy(false);
    setDeleting(null);
    setMessage(result.ok ? null : result.refusal.message);
  };

  return (
    <div className="team-group-list">
      <div className="team-tools">
        <button type="button" className="primary" onClick={() => (setMessage(null), setEditing('new'))}>
          New group
        </button>
      </div>
      {message && (
        <p className="form-problem" role="alert">
          {message}
        </p>
      )}
      <ul aria-label="Groups" className="team-groups-rows">
        {groups.map((group) => (
          <li key={group.id} className="team-group">
            <span className="team-row-text">
              <span className="team-row-name">{group.name}</span>
              <span className="team-row-detail">
                {group.number ? `Number ${group.number} · ` : ''}
                {group.memberIds.length} {group.memberIds.length === 1 ? 'member' : 'members'}
              </span>
            </span>
            <button type="button" aria-label={`Edit ${group.name}`} onClick={() => (setMessage(null), setEditing(group))}>
              Edit
            </button>
            <button type="button" aria-label={`Delete ${group.name}`} onClick={() => (setMessage(null), setDeleting(group))}>
              Delete
            </button>
          </li>
        ))}
      </ul>
      {deleting && (
        <ConfirmDialog title={`Delete ${deleting.name}?`} confirmLabel="Delete group" destructive busy={busy} onConfirm={() => void confirmDelete(deleting)} onCancel={() => setDeleting(null)}>
          <p>{deleting.number ? `Calls to ${deleting.number} will no longer ring its members. ` : ''}Its members stay in the team.</p>
        </ConfirmDialog>
      )}
    </div>
  );
}
