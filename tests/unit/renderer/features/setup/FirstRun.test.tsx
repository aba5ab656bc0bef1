// @vitest-environment happy-dom
import { screen, within } from '@testing-library/react';
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

  it('explains what team sign-in will need, says it is not available, and offers the SIP account instead', async () => {
    const { user, desktop } = await renderFirstRun();
    await user.click(screen.getByRole('button', { name: 'Sign in to your team' }));

    const heading = screen.getByRole('heading', { name: 'Sign in to your team' });
    expect(document.activeElement).toBe(heading);
    const needs = within(screen.getByRole('list')).getAllByRole('listitem').map((item) => item.textContent);
    expect(needs).toEqual(["your team's workspace address", 'your work email', 'your password']);
    expect(screen.getByText('Team sign-in is not available in this version of Ringdesk.')).toBeDefined();
    // Nothing to type: it does not pretend to sign anyone in.
    expect(screen.queryAllByRole('textbox')).toEqual([]);
    expect(document.querySelector('input')).toBeNull();

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
