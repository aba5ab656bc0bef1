import { appCreateTeamSchema } from '../../../common/schemas/workspace/app-session';
import { computerTimeZone } from '../../domain/computer-time-zone';
import { useRingdesk } from '../../store/RingdeskStoreProvider';
import { WORKSPACE_URL_FIELD } from './TeamSignIn';
import { WorkspaceEntryForm, type EntryField } from './WorkspaceEntryForm';

const FIELDS: readonly EntryField[] = [
  { ...WORKSPACE_URL_FIELD, hint: 'Where your workspace service runs (npm run server), e.g. https://team.example.com' },
  { key: 'name', label: 'Team name', autoComplete: 'organization', placeholder: 'Acme Support' },
  { key: 'owner.fullName', label: 'Your full name', autoComplete: 'name' },
  { key: 'owner.email', label: 'Work email', autoComplete: 'username' },
  { key: 'owner.extension', label: 'Your extension', placeholder: '100', hint: 'The number teammates dial to reach you (2 to 6 digits)' },
  { key: 'owner.password', label: 'Password', type: 'password', autoComplete: 'new-password', hint: 'At least 10 characters' },
];

/**
 * The first admin makes the team from the app and becomes its Owner, signed
 * in and registering at once. The workspace refuses once a team exists
 * (`workspace-exists`), so this cannot take over someone else's.
 */
export function CreateTeam() {
  const createTeam = useRingdesk((s) => s.createTeam);
  return (
    <WorkspaceEntryForm
      id="create-team"
      title="Create your team"
      fields={FIELDS}
      schema={appCreateTeamSchema}
      toInput={(v) => ({
        url: v.url,
        name: v.name,
        owner: { fullName: v['owner.fullName'], email: v['owner.email'], extension: v['owner.extension'], password: v['owner.password'] },
        timeZone: computerTimeZone(),
      })}
      submit={createTeam}
      submitLabel="Create team"
      busyLabel="Creating the team…"
      back="team"
    />
  );
}
