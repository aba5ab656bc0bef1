// @vitest-environment happy-dom
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { InvitationState } from '../../../../../common/schemas/workspace/invitation';
import { contract } from '../../../../../preload/contract';
import { AgentForm } from '../../../../../renderer/features/team/AgentForm';
import { renderWithStore } from '../../render-with-store';
import { anAgent, EVERYONE, ME_ID, teamSnapshot } from './team-fixtures';

const MINUTE = 60_000;
const now = Date.now();

function openForm(agent = anAgent({ fullName: 'Dan Diaz', email: 'dan@example.com', extension: '104', status: 'pending' }), invitation: InvitationState['invitation'] = null) {
  return renderWithStore(<AgentForm agent={agent} editor={{ id: ME_ID, role: 'owner' }} onClose={() => {}} />, {
    snapshot: teamSnapshot('owner'),
    beforeRender: (desktop) => {
      desktop.answerOk(contract.team.agentInvitation, { invitation });
      desktop.answerOk(contract.team.listGroups, { groups: [EVERYONE] });
      desktop.answerOk(contract.team.listAgents, { agents: [], total: 0 });
    },
  });
}
const invitationGroup = () => screen.getByRole('group', { name: 'Invitation' });
const sent = (at: number): NonNullable<InvitationState['invitation']> => ({ email: 'dan@example.com', createdAt: at, expiresAt: at + 7 * 24 * 60 * MINUTE, sentAt: at, failedAt: null, failure: null });

describe('the invitation on a pending agent’s form', () => {
  it('says when the invitation was sent, and a resend says where it went', async () => {
    const { user, desktop } = await openForm(undefined, sent(now - 5 * MINUTE));
    expect(await within(invitationGroup()).findByText('Invitation sent 5 minutes ago.')).toBeDefined();
    desktop.answerOk(contract.team.resendInvitation, { agentId: 'x', expiresAt: now + 1, mail: 'sent' });
    desktop.answerOk(contract.team.agentInvitation, { invitation: sent(Date.now()) });
    await user.click(screen.getByRole('button', { name: 'Resend invitation' }));
    expect((await within(invitationGroup()).findByRole('status')).textContent).toBe('Sent to dan@example.com.');
    await waitFor(() => expect(within(invitationGroup()).getByText('Invitation sent just now.')).toBeDefined());
    expect(desktop.callsTo(contract.team.resendInvitation)).toHaveLength(1);
  });

  it('says the email was not delivered and why, in words', async () => {
    await openForm(undefined, { ...sent(now - MINUTE), sentAt: null, failedAt: now - MINUTE, failure: 'recipient-refused' });
    expect(await within(invitationGroup()).findByText('Invitation not delivered — the mail server refused this address. Check the email, then resend.')).toBeDefined();
  });

  it('when resends are used up, says when to try again', async () => {
    const { user, desktop } = await openForm(undefined, sent(now));
    desktop.answerError(contract.team.resendInvitation, { code: 'workspace', failure: 'rate-limited', retryAfterSec: 57 * 60 });
    await user.click(await screen.findByRole('button', { name: 'Resend invitation' }));
    await waitFor(() =>
      expect(within(invitationGroup()).getByRole('status').textContent).toBe('Three invitations were already sent to this agent in the last hour. You can resend in 57 minutes.'),
    );
  });

  it('an agent who accepted meanwhile: the admin reads that there is nothing to resend', async () => {
    const { user, desktop } = await openForm(undefined, sent(now));
    desktop.answerError(contract.team.resendInvitation, { code: 'workspace', failure: 'agent-already-active' });
    await user.click(await screen.findByRole('button', { name: 'Resend invitation' }));
    await waitFor(() => expect(within(invitationGroup()).getByRole('status').textContent).toMatch(/already accepted the invitation/));
  });

  it('is not offered for an active agent', async () => {
    const { desktop } = await openForm(anAgent({ status: 'active' }));
    expect(screen.queryByRole('button', { name: 'Resend invitation' })).toBeNull();
    expect(desktop.callsTo(contract.team.agentInvitation)).toEqual([]);
  });
});
