// @vitest-environment happy-dom
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { contract } from '../../../../../preload/contract';
import { App } from '../../../../../renderer/app/App';
import { renderWithStore } from '../../render-with-store';
import { anAgent, EVERYONE, SALES, summaryOf, teamSnapshot } from './team-fixtures';

const ben = anAgent({ fullName: 'Ben Brown', extension: '104', status: 'pending', groupIds: [EVERYONE.id, SALES.id] });
const owner = anAgent({ fullName: 'Olivia Owner', extension: '100', role: 'owner' });

async function openTeam(role: 'admin' | 'owner' = 'admin', agents = [owner, ben]) {
  const rendered = await renderWithStore(<App />, {
    snapshot: teamSnapshot(role),
    beforeRender: (desktop) => {
      desktop.answerOk(contract.team.listAgents, { agents: agents.map(summaryOf), total: agents.length });
      desktop.answerOk(contract.team.listGroups, { groups: [SALES, EVERYONE] });
      desktop.answer(contract.team.getAgent, ({ id }) => ({ ok: true, value: agents.find((a) => a.id === id)! }));
    },
  });
  await rendered.user.click(screen.getByRole('tab', { name: 'Team' }));
  await screen.findByRole('list', { name: 'Agents' });
  return rendered;
}
const row = (name: string) => within(screen.getByRole('list', { name: 'Agents' })).getByRole('button', { name: new RegExp(`^${name}\\b`) });

describe('the Team area', () => {
  it('is offered to Administrators and the Owner only', async () => {
    await renderWithStore(<App />, { snapshot: teamSnapshot('basic') });
    expect(screen.getByRole('tab', { name: 'History' })).toBeDefined();
    expect(screen.queryByRole('tab', { name: 'Team' })).toBeNull();
  });

  it('lists teammates with extension, role, groups and a Pending badge, and searches as the admin types', async () => {
    const { user, desktop } = await openTeam();
    expect(row('Ben Brown').textContent).toContain('Pending');
    expect(row('Ben Brown').textContent).toContain('Ext. 104 · Basic · Everyone, Sales');
    expect(row('Olivia Owner').textContent).not.toContain('Pending');
    await user.type(screen.getByLabelText('Search agents'), 'ben');
    await waitFor(() => expect(desktop.callsTo(contract.team.listAgents).at(-1)).toMatchObject({ search: 'ben', offset: 0 }));
    await user.selectOptions(screen.getByLabelText('Role'), 'Administrator');
    expect(desktop.callsTo(contract.team.listAgents).at(-1)).toMatchObject({ search: 'ben', role: 'admin' });
  });

  it('shows the workspace’s field error under the field, keeps the input, and saves once fixed', async () => {
    const { user, desktop } = await openTeam();
    await user.click(row('Ben Brown'));
    const extension = screen.getByLabelText('Extension');
    await user.clear(extension);
    await user.type(extension, '100');
    desktop.answerError(contract.team.updateAgent, { code: 'invalid-input', fields: { extension: 'extension-taken' } });
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    await waitFor(() => expect(extension.getAttribute('aria-invalid')).toBe('true'));
    expect(document.getElementById(extension.getAttribute('aria-describedby')!.split(' ')[0]!)?.textContent).toBe('This extension is taken by a teammate or a group');
    expect((extension as HTMLInputElement).value).toBe('100');
    expect(desktop.callsTo(contract.team.updateAgent).at(-1)).toEqual({ id: ben.id, version: 1, extension: '100' });
  });

  it('on a version conflict names who saved first, keeps the input and saves against the newer version', async () => {
    const { user, desktop } = await openTeam();
    await user.click(row('Ben Brown'));
    await user.clear(screen.getByLabelText('Full name'));
    await user.type(screen.getByLabelText('Full name'), 'Benjamin Brown');
    desktop.answerError(contract.team.updateAgent, { code: 'workspace', failure: 'version-conflict', changedBy: { agentId: 'x', fullName: 'Carla Admin', at: 1 } });
    desktop.answerOk(contract.team.getAgent, { ...ben, version: 4, personalPhone: '+442079460958' });
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Changed by Carla Admin just now — review and save again.');
    expect((screen.getByLabelText('Full name') as HTMLInputElement).value).toBe('Benjamin Brown');
    desktop.answerOk(contract.team.updateAgent, { ...ben, fullName: 'Benjamin Brown', version: 5 });
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    await waitFor(() => expect(desktop.callsTo(contract.team.updateAgent).at(-1)).toMatchObject({ version: 4, fullName: 'Benjamin Brown' }));
  });

  it('says offline edits cannot be saved, and nothing is sent again later', async () => {
    const { user, desktop } = await openTeam();
    await user.click(screen.getByRole('button', { name: 'Add agent' }));
    await user.type(screen.getByLabelText('Full name'), 'Dee Diaz');
    await user.type(screen.getByLabelText('Email'), 'dee@example.com');
    await user.type(screen.getByLabelText('Extension'), '120');
    await user.click(screen.getByRole('checkbox', { name: 'Everyone' }));
    desktop.answerError(contract.team.createAgent, { code: 'workspace', failure: 'workspace-unreachable' });
    await user.click(screen.getByRole('button', { name: 'Add agent' }));
    expect((await screen.findByRole('alert')).textContent).toBe("You're offline — changes can't be saved now.");
    expect(desktop.callsTo(contract.team.createAgent)).toHaveLength(1);
    expect((screen.getByLabelText('Full name') as HTMLInputElement).value).toBe('Dee Diaz');
  });

  it("shows the Owner's role and email as not changeable by an Administrator, with the reason", async () => {
    const { user } = await openTeam('admin');
    await user.click(row('Olivia Owner'));
    const role = screen.getByLabelText('Role') as HTMLSelectElement;
    expect(role.disabled).toBe(true);
    expect(document.getElementById(role.getAttribute('aria-describedby')!)?.textContent).toBe('Only the Owner can change their own role.');
    expect((screen.getByLabelText('Email') as HTMLInputElement).disabled).toBe(true);
    expect((screen.getByRole('button', { name: 'Delete agent' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('deletes a teammate only after a dialog naming them, and refreshes the list', async () => {
    const { user, desktop } = await openTeam();
    await user.click(row('Ben Brown'));
    await user.click(screen.getByRole('button', { name: 'Delete agent' }));
    const dialog = screen.getByRole('alertdialog', { name: 'Delete Ben Brown?' });
    expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(desktop.callsTo(contract.team.deleteAgent)).toEqual([]);
    desktop.answerOk(contract.team.deleteAgent, null);
    desktop.answerOk(contract.team.listAgents, { agents: [summaryOf(owner)], total: 1 });
    await user.click(within(dialog).getByRole('button', { name: 'Delete agent' }));
    await waitFor(() => expect(screen.queryByText('Ben Brown')).toBeNull());
    expect(desktop.callsTo(contract.team.deleteAgent)).toEqual([{ id: ben.id }]);
  });

  it('asks before leaving a form with unsaved changes for another section', async () => {
    const { user } = await openTeam();
    await user.click(screen.getByRole('button', { name: 'Add agent' }));
    await user.type(screen.getByLabelText('Full name'), 'Half typed');
    await user.click(screen.getByRole('tab', { name: 'History' }));
    const dialog = screen.getByRole('alertdialog', { name: 'Discard unsaved changes?' });
    await user.click(within(dialog).getByRole('button', { name: 'Keep editing' }));
    expect((screen.getByLabelText('Full name') as HTMLInputElement).value).toBe('Half typed');
    await user.click(screen.getByRole('tab', { name: 'History' }));
    await user.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Discard changes' }));
    expect(screen.getByRole('tab', { name: 'History' }).getAttribute('aria-selected')).toBe('true');
  });

  it('refuses to delete a group that would leave someone with no group, naming them', async () => {
    const { user, desktop } = await openTeam();
    await user.click(screen.getByRole('button', { name: 'Groups' }));
    await user.click(screen.getByRole('button', { name: 'Delete Sales' }));
    desktop.answerError(contract.team.deleteGroup, { code: 'workspace', failure: 'agent-needs-group', agentIds: [ben.id] });
    await user.click(within(screen.getByRole('alertdialog', { name: 'Delete Sales?' })).getByRole('button', { name: 'Delete group' }));
    expect((await screen.findByRole('alert')).textContent).toBe('This would leave Ben Brown with no group. Add them to another group first.');
  });
});
