// @vitest-environment happy-dom
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { contract } from '../../../../../preload/contract';
import { App } from '../../../../../renderer/app/App';
import { aSnapshot, anAccount, firstRunSnapshot } from '../../../../fakes/app-snapshots';
import { renderWithStore } from '../../render-with-store';
import { fillValidAccount, openAccountEditor } from './fill-account-form';

const renderFirstRun = () => renderWithStore(<App />, { snapshot: firstRunSnapshot() });
const welcome = () => screen.queryByRole('heading', { name: 'Welcome to Ringdesk' });
const advanced = () => screen.getByRole('button', { name: 'Advanced' });
/** The realm box only while the agent can see it (role queries skip hidden content). */
const shownRealm = () => screen.queryByRole('textbox', { name: 'Realm (optional)' });

describe('the first run', () => {
  it('welcomes a new agent with the two ways to connect, and no form yet', async () => {
    await renderFirstRun();
    expect(welcome()).not.toBeNull();
    expect(screen.getByRole('button', { name: 'Sign in to your team' })).toBeDefined();
    const sip = screen.getByRole('button', { name: 'Use a SIP account' });
    expect(sip.getAttribute('aria-describedby')).toBeTruthy();
    expect(screen.queryByLabelText('Display name')).toBeNull();
  });

  it('goes straight to the form when a saved account is edited, without the welcome', async () => {
    await openAccountEditor();
    expect(screen.getByRole('heading', { name: 'Edit account' })).toBeDefined();
    expect(welcome()).toBeNull();
    expect(screen.queryByRole('button', { name: 'Back' })).toBeNull();
  });

  it('asks for the workspace address, work email and password, and checks them before asking main', async () => {
    const { user, desktop } = await renderFirstRun();
    await user.click(screen.getByRole('button', { name: 'Sign in to your team' }));
    expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'Sign in to your team' }));

    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(desktop.callsTo(contract.workspace.signIn)).toEqual([]);
    expect(document.activeElement).toBe(screen.getByLabelText('Workspace address'));
    expect(screen.getByText("Enter your team's workspace address, e.g. https://team.example.com")).toBeDefined();
    expect(screen.getByText('Enter an email address')).toBeDefined();

    await user.type(screen.getByLabelText('Workspace address'), 'http://team.example.com');
    expect(screen.getByText('Unencrypted http:// is only allowed for a workspace on this computer; use https://')).toBeDefined();
    await user.clear(screen.getByLabelText('Workspace address'));
    await user.type(screen.getByLabelText('Workspace address'), 'https://team.example.com/');
    await user.type(screen.getByLabelText('Work email'), 'Ana@Example.com');
    await user.type(screen.getByLabelText('Password'), 'correct horse');
    desktop.answerOk(contract.workspace.signIn, aSnapshot());
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    // The same schema as main: trimmed, one spelling of the address, email in lower case.
    expect(desktop.callsTo(contract.workspace.signIn)).toEqual([{ url: 'https://team.example.com', email: 'ana@example.com', password: 'correct horse' }]);
  });

  it("says why the workspace refused, in words, and keeps what the agent typed", async () => {
    const { user, desktop } = await renderFirstRun();
    await user.click(screen.getByRole('button', { name: 'Sign in to your team' }));
    await user.type(screen.getByLabelText('Workspace address'), 'https://team.example.com');
    await user.type(screen.getByLabelText('Work email'), 'ana@example.com');
    await user.type(screen.getByLabelText('Password'), 'wrong password');
    desktop.answerError(contract.workspace.signIn, { code: 'workspace', failure: 'rate-limited', retryAfterSec: 840 });
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Too many attempts. For your security, try again in 14 minutes.');
    expect((screen.getByLabelText('Work email') as HTMLInputElement).value).toBe('ana@example.com');
    expect((screen.getByLabelText('Password') as HTMLInputElement).value).toBe('wrong password');

    desktop.answerError(contract.workspace.signIn, { code: 'workspace', failure: 'workspace-unreachable' });
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/^Cannot reach your workspace/);
  });

  it('lets the first admin create the team, checked with the shared schema, in the computer\'s time zone', async () => {
    const { user, desktop } = await renderFirstRun();
    await user.click(screen.getByRole('button', { name: 'Sign in to your team' }));
    await user.click(screen.getByRole('button', { name: 'Create a new team' }));
    expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'Create your team' }));
    await user.click(screen.getByRole('button', { name: 'Create team' }));
    expect(desktop.callsTo(contract.workspace.createTeam)).toEqual([]);
    expect(document.activeElement).toBe(screen.getByLabelText('Workspace address'));

    await user.type(screen.getByLabelText('Workspace address'), 'http://127.0.0.1:8480');
    await user.type(screen.getByLabelText('Team name'), 'Acme Support');
    await user.type(screen.getByLabelText('Your full name'), 'Ana Lopez');
    await user.type(screen.getByLabelText('Work email'), 'ana@example.com');
    await user.type(screen.getByLabelText('Your extension'), '1');
    await user.type(screen.getByLabelText('Password'), 'short');
    await user.click(screen.getByRole('button', { name: 'Create team' }));
    expect(desktop.callsTo(contract.workspace.createTeam)).toEqual([]);
    expect(document.activeElement).toBe(screen.getByLabelText('Your extension'));

    await user.type(screen.getByLabelText('Your extension'), '00');
    await user.type(screen.getByLabelText('Password'), ' and longer');
    desktop.answerError(contract.workspace.createTeam, { code: 'workspace', failure: 'workspace-exists' });
    await user.click(screen.getByRole('button', { name: 'Create team' }));
    expect(desktop.callsTo(contract.workspace.createTeam)).toEqual([
      { url: 'http://127.0.0.1:8480', name: 'Acme Support', owner: { fullName: 'Ana Lopez', email: 'ana@example.com', extension: '100', password: 'short and longer' }, timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone },
    ]);
    // The workspace already has a team: said in words, everything typed kept.
    expect((await screen.findByRole('alert')).textContent).toBe('This workspace is already set up. Sign in instead.');
    expect((screen.getByLabelText('Team name') as HTMLInputElement).value).toBe('Acme Support');
  });

  it('offers the SIP account instead of team sign-in', async () => {
    const { user, desktop } = await renderFirstRun();
    await user.click(screen.getByRole('button', { name: 'Sign in to your team' }));
    await user.click(screen.getByRole('button', { name: 'Use a SIP account instead' }));
    expect(screen.getByRole('heading', { name: 'Set up your phone account' })).toBeDefined();
    expect(document.activeElement).toBe(screen.getByLabelText('Display name'));
    expect(desktop.callsTo(contract.account.save)).toEqual([]);
  });

  it('takes the agent back to the welcome from team sign-in and from the form', async () => {
    const { user } = await renderFirstRun();
    await user.click(screen.getByRole('button', { name: 'Sign in to your team' }));
    await user.click(screen.getByRole('button', { name: 'Back' }));
    expect(document.activeElement).toBe(welcome());

    await user.click(screen.getByRole('button', { name: 'Use a SIP account' }));
    await user.click(screen.getByRole('button', { name: 'Back' }));
    expect(welcome()).not.toBeNull();
  });

  it('puts the cursor in the first field when the SIP account form opens', async () => {
    const { user } = await renderFirstRun();
    await user.click(screen.getByRole('button', { name: 'Use a SIP account' }));
    expect(document.activeElement).toBe(screen.getByLabelText('Display name'));
  });

  it('puts the cursor in the first field when a saved account is edited', async () => {
    await openAccountEditor();
    expect(document.activeElement).toBe(screen.getByLabelText('Display name'));
  });
});

describe('the Advanced section of the account form', () => {
  it('is folded on first run, with the server address in plain words and its wss:// hint outside it', async () => {
    const { user } = await renderFirstRun();
    await user.click(screen.getByRole('button', { name: 'Use a SIP account' }));
    expect(advanced().getAttribute('aria-expanded')).toBe('false');
    expect(shownRealm()).toBeNull();
    expect(screen.queryByRole('button', { name: 'Add ICE server' })).toBeNull();
    expect(screen.getByLabelText('Server address')).toBeDefined();
    expect(screen.getByText(/^Starts with wss:\/\//)).toBeDefined();

    await user.click(advanced());
    expect(advanced().getAttribute('aria-expanded')).toBe('true');
    expect(shownRealm()).not.toBeNull();
    expect(screen.getByLabelText('Auth user (optional)')).toBeDefined();
    expect(screen.getByRole('button', { name: 'Add ICE server' })).toBeDefined();

    await user.click(advanced());
    expect(shownRealm()).toBeNull();
  });

  it('is open when the saved account has an advanced value', async () => {
    await openAccountEditor(aSnapshot({ account: anAccount({ fields: { ...anAccount().fields, realm: 'asterisk' } }) }));
    expect(advanced().getAttribute('aria-expanded')).toBe('true');
    expect(screen.getByLabelText<HTMLInputElement>('Realm (optional)').value).toBe('asterisk');
  });

  it('stays folded for a saved account that uses none of them', async () => {
    await openAccountEditor();
    expect(advanced().getAttribute('aria-expanded')).toBe('false');
  });

  it("opens itself and takes the agent to a field main refused inside it, and stays open while that problem shows", async () => {
    const { user, desktop } = await renderFirstRun();
    await user.click(screen.getByRole('button', { name: 'Use a SIP account' }));
    desktop.answerError(contract.account.save, { code: 'invalid-input', fields: { 'fields.realm': 'too-long' } });
    await fillValidAccount(user);
    await user.click(screen.getByRole('button', { name: 'Save and connect' }));

    const realm = await screen.findByLabelText('Realm (optional)');
    expect(advanced().getAttribute('aria-expanded')).toBe('true');
    expect(document.activeElement).toBe(realm);
    expect(screen.getByText('Open because a field in it needs fixing')).toBeDefined();
    await user.click(advanced());
    expect(shownRealm()).not.toBeNull();

    // Once fixed, the agent may fold it again.
    await user.type(realm, 'x');
    await user.click(advanced());
    expect(shownRealm()).toBeNull();
  });
});
