// @vitest-environment happy-dom
import { act, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { AgentStatus, TeamUpdate } from '../../../../../common/schemas/workspace/live';
import { contract, events } from '../../../../../preload/contract';
import { App } from '../../../../../renderer/app/App';
import type { FakeRingdeskApi } from '../../../../fakes/fake-ringdesk-api';
import { renderWithStore } from '../../render-with-store';
import { anAgent, EVERYONE, ME_ID, SALES, summaryOf, teamSnapshot } from '../team/team-fixtures';

const me = anAgent({ id: ME_ID, fullName: 'Ana Lopez', extension: '100', role: 'owner' });
const ben = anAgent({ fullName: 'Ben Brown', extension: '101', role: 'admin', groupIds: [EVERYONE.id, SALES.id] });
const cara = anAgent({ fullName: 'Cara Diaz', extension: '102' });
const dan = anAgent({ fullName: 'Dan Eve', extension: '103', groupIds: [EVERYONE.id, SALES.id] });
const status = (agentId: string, s: Partial<AgentStatus> = {}): AgentStatus => ({ agentId, registered: true, presence: 'available', onCall: false, ...s });
const update = (u: Partial<TeamUpdate>): TeamUpdate => ({ agents: [], removedAgentIds: [], groups: false, statuses: [], resync: false, ...u });

function team(desktop: FakeRingdeskApi, agents = [me, ben, cara, dan]) {
  let current = agents;
  desktop.answer(contract.team.listAgents, () => ({ ok: true, value: { agents: current.map(summaryOf), total: current.length } }));
  desktop.answerOk(contract.team.listGroups, { groups: [SALES, EVERYONE] });
  desktop.answer(contract.team.getAgent, ({ id }) => ({ ok: true, value: current.find((a) => a.id === id)! }));
  desktop.answerOk(contract.team.status, { seq: 1, agents: [status(ben.id), status(cara.id, { presence: 'dnd' }), status(dan.id, { registered: false })] });
  return { replace: (next: typeof agents) => (current = next) };
}

const withDashboard = (on: boolean) => {
  const snap = teamSnapshot('owner');
  return { ...snap, workspace: { ...snap.workspace!, agent: { ...snap.workspace!.agent, extendedDashboard: on } } };
};
const row = (name: string) => within(screen.getByRole('list', { name: 'Agents' })).getByRole('button', { name: new RegExp(`^${name}\\b`) });

describe("the Team area follows the workspace's changes", () => {
  it("shows each teammate's status in words, and a pushed change without reloading", async () => {
    let t!: ReturnType<typeof team>;
    const { user, desktop } = await renderWithStore(<App />, { snapshot: teamSnapshot('owner'), beforeRender: (d) => (t = team(d)) });
    await user.click(screen.getByRole('tab', { name: 'Team' }));
    await waitFor(() => expect(row('Cara Diaz').textContent).toContain('Do Not Disturb'));
    expect(row('Ben Brown').textContent).toContain('Available');
    expect(row('Dan Eve').textContent).toContain('Not registered');
    expect(row('Ana Lopez').textContent).toContain('Offline');

    act(() => desktop.push(events.teamChanged, update({ statuses: [status(cara.id, { presence: 'away' })] })));
    await waitFor(() => expect(row('Cara Diaz').textContent).toContain('Away'));
    act(() => desktop.push(events.teamChanged, update({ statuses: [status(cara.id, { onCall: true })] })));
    await waitFor(() => expect(row('Cara Diaz').textContent).toContain('On a call'));

    const listed = desktop.callsTo(contract.team.listAgents).length;
    t.replace([me, ben, { ...cara, fullName: 'Cara Renamed', version: 2 }, dan]);
    act(() => desktop.push(events.teamChanged, update({ agents: [{ agentId: cara.id, version: 2 }] })));
    await waitFor(() => expect(row('Cara Renamed')).toBeDefined());
    expect(desktop.callsTo(contract.team.listAgents).length).toBe(listed + 1);
  });

  it('keeps what the admin typed in an open form when that agent changes elsewhere, and says so gently', async () => {
    let t!: ReturnType<typeof team>;
    const { user, desktop } = await renderWithStore(<App />, { snapshot: teamSnapshot('owner'), beforeRender: (d) => (t = team(d)) });
    await user.click(screen.getByRole('tab', { name: 'Team' }));
    await user.click(await screen.findByRole('button', { name: /^Cara Diaz\b/ }));
    const name = screen.getByLabelText('Full name');
    await user.clear(name);
    await user.type(name, 'Cara Typed');
    t.replace([me, ben, { ...cara, fullName: 'Cara Elsewhere', version: 2 }, dan]);
    act(() => desktop.push(events.teamChanged, update({ agents: [{ agentId: cara.id, version: 2 }] })));
    expect(await screen.findByText(/Someone else just updated this agent/)).toBeDefined();
    expect((screen.getByLabelText('Full name') as HTMLInputElement).value).toBe('Cara Typed');
  });
});

describe('the Extended Agents Dashboard', () => {
  it('lists teammates with their live status on the Phone view, filters by group, and calls one with a click', async () => {
    const { user, desktop, telephony } = await renderWithStore(<App />, { snapshot: withDashboard(true), beforeRender: (d) => team(d) });
    const list = await screen.findByRole('list', { name: 'Teammates' });
    await waitFor(() => expect(within(list).getAllByRole('listitem')).toHaveLength(3));
    const item = (name: string) => within(list).getByText(name).closest('li')!;
    expect(item('Cara Diaz').textContent).toContain('Do Not Disturb');
    expect(within(list).queryByText('Ana Lopez')).toBeNull(); // not yourself

    act(() => desktop.push(events.teamChanged, update({ statuses: [status(cara.id, { presence: 'away' })] })));
    await waitFor(() => expect(item('Cara Diaz').textContent).toContain('Away'));

    await user.selectOptions(screen.getByLabelText('Group'), 'Sales');
    expect(within(list).queryByText('Cara Diaz')).toBeNull();
    expect(within(list).getByText('Dan Eve')).toBeDefined();

    await user.click(screen.getByRole('button', { name: 'Call Dan Eve, extension 103' }));
    expect(telephony.opsOf('dial').map((d) => d.targetUri)).toEqual([expect.stringMatching(/^sip:103@/)]);
  });

  it('is not shown while the preference is off, nor in a team of 3 or fewer', async () => {
    await renderWithStore(<App />, { snapshot: withDashboard(false), beforeRender: (d) => team(d) });
    expect(screen.queryByRole('region', { name: 'Agents' })).toBeNull();
    await renderWithStore(<App />, { snapshot: withDashboard(true), beforeRender: (d) => team(d, [me, ben, cara]) });
    await waitFor(() => expect(screen.getAllByRole('tab', { name: 'Phone' }).length).toBeGreaterThan(0));
    expect(screen.queryByRole('list', { name: 'Teammates' })).toBeNull();
  });

  it("the admin's switch in Settings turns it on, and shows the workspace's refusal in words", async () => {
    const { user, desktop } = await renderWithStore(<App />, { snapshot: withDashboard(false), beforeRender: (d) => team(d) });
    desktop.answerError(contract.workspace.setExtendedDashboard, { code: 'invalid-input', fields: { 'settings.preferences.extendedDashboard': 'dashboard-team-too-small' } });
    await user.click(screen.getByRole('tab', { name: 'Settings' }));
    const toggle = screen.getByRole('switch', { name: 'Extended Agents Dashboard' });
    await user.click(toggle);
    expect(await screen.findByRole('alert')).toHaveProperty('textContent', 'The Extended Agents Dashboard needs a team of more than 3 agents');
    expect((toggle as HTMLInputElement).checked).toBe(false);

    desktop.answerOk(contract.workspace.setExtendedDashboard, withDashboard(true));
    await user.click(toggle);
    await waitFor(() => expect((toggle as HTMLInputElement).checked).toBe(true));
    expect(desktop.callsTo(contract.workspace.setExtendedDashboard).at(-1)).toEqual({ on: true });
    await user.click(screen.getByRole('tab', { name: 'Phone' }));
    expect(await screen.findByRole('list', { name: 'Teammates' })).toBeDefined();
  });

  it('is not offered to a Basic agent', async () => {
    await renderWithStore(<App />, { snapshot: teamSnapshot('basic') });
    await userSettings();
    expect(screen.queryByRole('switch', { name: 'Extended Agents Dashboard' })).toBeNull();
  });
});

async function userSettings() {
  const { default: userEvent } = await import('@testing-library/user-event');
  await userEvent.setup().click(screen.getByRole('tab', { name: 'Settings' }));
}
