// @vitest-environment happy-dom
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { contract } from '../../../../../preload/contract';
import { App } from '../../../../../renderer/app/App';
import { teamOfflineAsOfText } from '../../../../../renderer/features/team/team-offline-text';
import { renderWithStore } from '../../render-with-store';
import { anAgent, EVERYONE, SALES, summaryOf, teamSnapshot } from './team-fixtures';

const ben = anAgent({ fullName: 'Ben Brown', extension: '104', groupIds: [EVERYONE.id, SALES.id] });
const cara = anAgent({ fullName: 'Cara Cole', extension: '105', role: 'admin' });
const UNREACHABLE = { code: 'workspace', failure: 'workspace-unreachable' } as const;

/** The Team area opened with the workspace unreachable from the start (the app restarted offline). */
async function openOffline(copy: { savedAt: number } | null) {
  const rendered = await renderWithStore(<App />, {
    snapshot: teamSnapshot('admin'),
    beforeRender: (desktop) => {
      desktop.answerError(contract.team.listAgents, UNREACHABLE);
      desktop.answerError(contract.team.listGroups, UNREACHABLE);
      desktop.answerError(contract.team.status, UNREACHABLE);
      desktop.answerOk(
        contract.team.copy,
        copy && { savedAt: copy.savedAt, agents: [ben, cara].map(summaryOf), total: 2, groups: [SALES, EVERYONE], statuses: [{ agentId: ben.id, registered: true, presence: 'away', onCall: false }] },
      );
    },
  });
  await rendered.user.click(screen.getByRole('tab', { name: 'Team' }));
  return rendered;
}

describe('the Team area offline, from the copy main kept', () => {
  it('shows the team as last seen, says as of when, and still refuses edits in words', async () => {
    const savedAt = Date.now() - 60_000;
    const { user, desktop } = await openOffline({ savedAt });
    const list = await screen.findByRole('list', { name: 'Agents' });
    expect(within(list).getByRole('button', { name: /^Ben Brown\b/ }).textContent).toContain('Ext. 104 · Basic · Everyone, Sales');
    expect(within(list).getByRole('button', { name: /^Cara Cole\b/ })).toBeDefined();
    const banner = screen.getAllByRole('status').find((s) => s.classList.contains('team-offline'))!;
    expect(banner.textContent).toBe(teamOfflineAsOfText(savedAt, Date.now()));
    expect(banner.textContent).toMatch(/^Offline — showing the team as of \d\d:\d\d\. /);

    // The filters work on the copy.
    await user.type(screen.getByLabelText('Search agents'), 'cara');
    await waitFor(() => expect(within(screen.getByRole('list', { name: 'Agents' })).queryByRole('button', { name: /^Ben Brown\b/ })).toBeNull());
    expect(within(screen.getByRole('list', { name: 'Agents' })).getByRole('button', { name: /^Cara Cole\b/ })).toBeDefined();

    await user.click(screen.getByRole('button', { name: 'Add agent' }));
    await user.type(screen.getByLabelText('Full name'), 'Dee Diaz');
    await user.type(screen.getByLabelText('Email'), 'dee@example.com');
    await user.type(screen.getByLabelText('Extension'), '120');
    await user.click(screen.getByRole('checkbox', { name: 'Everyone' }));
    desktop.answerError(contract.team.createAgent, UNREACHABLE);
    await user.click(screen.getByRole('button', { name: 'Add agent' }));
    expect((await screen.findByRole('alert')).textContent).toBe("You're offline — changes can't be saved now.");
    expect(desktop.callsTo(contract.team.createAgent)).toHaveLength(1);
  });

  it('without a kept copy says it is offline and that nothing can be shown or saved', async () => {
    await openOffline(null);
    await waitFor(() => expect(document.querySelector('.team-offline')).not.toBeNull());
    expect(document.querySelector('.team-offline')!.textContent).toBe("You're offline — changes can't be saved now. Showing the last copy.");
    expect(screen.queryByText(/^Offline — showing the team as of/)).toBeNull();
  });
});

describe('teamOfflineAsOfText', () => {
  const zone = 'Europe/London';
  const now = Date.UTC(2026, 11, 2, 15, 0);
  it('says the time for a copy from today, the day for an older one (a copy kept before a restart)', () => {
    expect(teamOfflineAsOfText(Date.UTC(2026, 11, 2, 14, 5), now, zone)).toBe("Offline — showing the team as of 14:05. Changes can't be saved until the workspace is back.");
    expect(teamOfflineAsOfText(Date.UTC(2026, 11, 1, 9, 30), now, zone)).toBe("Offline — showing the team as of yesterday at 09:30. Changes can't be saved until the workspace is back.");
    expect(teamOfflineAsOfText(Date.UTC(2026, 10, 27, 18, 0), now, zone)).toBe("Offline — showing the team as of Friday 27 November at 18:00. Changes can't be saved until the workspace is back.");
  });
});
