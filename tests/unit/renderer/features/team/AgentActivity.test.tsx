// @vitest-environment happy-dom
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../../../../common/schemas/workspace/audit';
import { contract } from '../../../../../preload/contract';
import { AgentActivity } from '../../../../../renderer/features/team/AgentActivity';
import { renderWithStore } from '../../render-with-store';
import { anAgent, EVERYONE, SALES, teamSnapshot } from './team-fixtures';

const dan = anAgent({ fullName: 'Dan Diaz' });
const NOW = Date.UTC(2026, 10, 9, 14, 5);
let id = 0;
const entry = (field: string, oldValue: AuditEntry['oldValue'], newValue: AuditEntry['newValue'], minutesAgo: number, actor = 'Ana Lopez'): AuditEntry => ({
  id: ++id,
  at: NOW - minutesAgo * 60_000,
  actor: { agentId: 'a', fullName: actor },
  address: '192.0.2.7',
  targetKind: 'agent',
  targetId: dan.id,
  field,
  oldValue,
  newValue,
});

async function openActivity(entries: AuditEntry[], total = entries.length) {
  const rendered = await renderWithStore(<AgentActivity agentId={dan.id} now={() => NOW} zone="Europe/London" />, {
    snapshot: teamSnapshot('owner'),
    beforeRender: (desktop) => {
      desktop.answer(contract.team.agentAudit, ({ offset }) => ({ ok: true, value: { entries: offset === 0 ? entries : [entry('email', 'a@x.com', 'b@x.com', 600)], total } }));
      desktop.answerOk(contract.team.listGroups, { groups: [EVERYONE, SALES] });
      desktop.answerOk(contract.team.listAgents, { agents: [], total: 0 });
    },
  });
  await rendered.store.getState().refreshTeam();
  return rendered;
}

describe('the Activity section of the agent form', () => {
  it('is folded and reads nothing until opened', async () => {
    const { desktop } = await openActivity([]);
    expect(desktop.callsTo(contract.team.agentAudit)).toEqual([]);
    expect(screen.getByText('Activity').closest('details')?.open).toBe(false);
  });

  it('lists who changed which field to what, when and from where, in words', async () => {
    const { user, desktop } = await openActivity([
      entry('extension', '104', '105', 5),
      entry('groupIds', [EVERYONE.id], [EVERYONE.id, SALES.id], 120),
      entry('settings.notifications.missedCall', true, false, 60 * 24),
      entry('role', 'basic', 'admin', 60 * 24 * 3, 'Ben Brown'),
      entry('picture', null, { redacted: true }, 60 * 24 * 3, 'Ben Brown'),
      entry('created', null, { fullName: 'Dan Diaz' }, 60 * 24 * 4, 'Ben Brown'),
    ]);
    await user.click(screen.getByText('Activity'));
    const list = await screen.findByRole('list', { name: 'Changes, newest first' });
    const items = within(list).getAllByRole('listitem').map((li) => li.textContent);
    expect(items).toEqual([
      'Extension: 104 → 105 — Ana Lopez, 5 minutes ago, from 192.0.2.7',
      'Groups: Everyone → Everyone, Sales — Ana Lopez, 2 hours ago, from 192.0.2.7',
      'Missed-call notifications: Yes → No — Ana Lopez, 1 day ago, from 192.0.2.7',
      'Role: Basic → Administrator — Ben Brown, 3 days ago, from 192.0.2.7',
      'Picture: none → a picture — Ben Brown, 3 days ago, from 192.0.2.7',
      'Added to the team — Ben Brown, 4 days ago, from 192.0.2.7',
    ]);
    expect(within(list).getAllByRole('listitem')[0]!.querySelector('time')?.getAttribute('title')).toBe('Monday 9 November 2026, 14:00 (Europe/London)');
    expect(desktop.callsTo(contract.team.agentAudit)).toEqual([{ id: dan.id, offset: 0, limit: 20 }]);
  });

  it('shows names and values as text, never as markup', async () => {
    const { user } = await openActivity([entry('fullName', 'Dan', '<img src=x onerror=alert(1)>', 1, '<b>Eve</b>')]);
    await user.click(screen.getByText('Activity'));
    const item = await screen.findByRole('listitem');
    expect(item.textContent).toBe('Full name: Dan → <img src=x onerror=alert(1)> — <b>Eve</b>, 1 minute ago, from 192.0.2.7');
    expect(item.querySelector('img, b')).toBeNull();
  });

  it('loads older changes on request', async () => {
    const { user, desktop } = await openActivity([entry('extension', '104', '105', 5)], 2);
    await user.click(screen.getByText('Activity'));
    await user.click(await screen.findByRole('button', { name: 'Show older changes' }));
    await waitFor(() => expect(screen.getAllByRole('listitem')).toHaveLength(2));
    expect(desktop.callsTo(contract.team.agentAudit).at(-1)).toEqual({ id: dan.id, offset: 1, limit: 20 });
    expect(screen.queryByRole('button', { name: 'Show older changes' })).toBeNull();
  });

  it('says when nothing is recorded, and when it cannot be read', async () => {
    const { user, desktop } = await openActivity([]);
    desktop.answerError(contract.team.agentAudit, { code: 'workspace', failure: 'workspace-unreachable' });
    await user.click(screen.getByText('Activity'));
    expect(await screen.findByText("You're offline — changes can't be saved now.")).toBeDefined();
  });
});
