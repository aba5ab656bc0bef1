// @vitest-environment happy-dom
import { act, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { contract, events } from '../../../../../preload/contract';
import { App } from '../../../../../renderer/app/App';
import { aSnapshot, firstRunSnapshot } from '../../../../fakes/app-snapshots';
import { renderWithStore } from '../../render-with-store';

const renderFirstRun = (beforeRender?: Parameters<typeof renderWithStore>[1]['beforeRender']) => renderWithStore(<App />, { snapshot: firstRunSnapshot(), ...(beforeRender ? { beforeRender } : {}) });
const value = (label: string) => (screen.getByLabelText(label) as HTMLInputElement).value;
const notices = () => screen.queryByRole('list', { name: 'Notices' })?.textContent ?? '';

describe('"Sign in to your team" opened from an invitation link', () => {
  it('opens filled in with the address and email, the password focused, and signs in with them', async () => {
    const { user, desktop } = await renderFirstRun();
    expect(screen.getByRole('heading', { name: 'Welcome to Ringdesk' })).toBeDefined();

    act(() => desktop.push(events.linkOpened, { kind: 'sign-in', workspace: 'http://127.0.0.1:8480', email: 'cara@demo.test' }));
    expect(screen.getByRole('heading', { name: 'Sign in to your team' })).toBeDefined();
    expect(value('Workspace address')).toBe('http://127.0.0.1:8480');
    expect(value('Work email')).toBe('cara@demo.test');
    expect(document.activeElement).toBe(screen.getByLabelText('Password'));

    await user.keyboard('ringdesk-demo-1');
    desktop.answerOk(contract.workspace.signIn, aSnapshot());
    await user.keyboard('{Enter}');
    expect(desktop.callsTo(contract.workspace.signIn)).toEqual([{ url: 'http://127.0.0.1:8480', email: 'cara@demo.test', password: 'ringdesk-demo-1' }]);
  });

  it('opens filled in from the link that started the app, collected once the window listens', async () => {
    await renderFirstRun((desktop) => desktop.answerOk(contract.links.takePending, { kind: 'sign-in', workspace: 'https://team.example.com', email: 'ana@example.com' }));
    expect(await screen.findByRole('heading', { name: 'Sign in to your team' })).toBeDefined();
    expect(value('Workspace address')).toBe('https://team.example.com');
    expect(document.activeElement).toBe(screen.getByLabelText('Password'));
  });

  it('with no email in the link, fills in the address and leaves the email to type first', async () => {
    const { desktop } = await renderFirstRun();
    act(() => desktop.push(events.linkOpened, { kind: 'sign-in', workspace: 'https://team.example.com' }));
    expect(value('Work email')).toBe('');
    expect(document.activeElement).toBe(screen.getByLabelText('Work email'));
  });

  it('a second link replaces what the first filled in', async () => {
    const { user, desktop } = await renderFirstRun();
    act(() => desktop.push(events.linkOpened, { kind: 'sign-in', workspace: 'https://one.example.com', email: 'ana@example.com' }));
    await user.keyboard('half typed');
    act(() => desktop.push(events.linkOpened, { kind: 'sign-in', workspace: 'https://two.example.com', email: 'ben@example.com' }));
    expect(value('Workspace address')).toBe('https://two.example.com');
    expect(value('Work email')).toBe('ben@example.com');
    expect(value('Password')).toBe('');
  });

  it('a link while signing in leaves the form alone and says to open it again', async () => {
    const { user, desktop } = await renderFirstRun();
    act(() => desktop.push(events.linkOpened, { kind: 'sign-in', workspace: 'https://one.example.com', email: 'ana@example.com' }));
    await user.keyboard('correct horse');
    let answer!: () => void;
    desktop.answer(contract.workspace.signIn, () => new Promise((resolve) => (answer = () => resolve({ ok: true, value: aSnapshot() }))));
    await user.keyboard('{Enter}');
    act(() => desktop.push(events.linkOpened, { kind: 'sign-in', workspace: 'https://two.example.com', email: 'ben@example.com' }));
    expect(value('Workspace address')).toBe('https://one.example.com');
    expect(value('Password')).toBe('correct horse');
    expect(notices()).toContain('Ringdesk was busy connecting when you opened that link. Once it is done, open the link again.');
    await act(async () => answer());
  });
});

describe('a link Ringdesk could not act on', () => {
  it('says why it was refused, and nothing is filled in or sent', async () => {
    const { desktop } = await renderFirstRun();
    act(() => desktop.push(events.linkOpened, { kind: 'refused', refusal: 'workspace-invalid', problem: 'workspace-url-insecure' }));
    expect(notices()).toContain(
      "Ringdesk did not open that link: its workspace address can't be used. Unencrypted http:// is only allowed for a workspace on this computer; use https://. Nothing was signed in to or dialled.",
    );
    expect(screen.getByRole('heading', { name: 'Welcome to Ringdesk' })).toBeDefined();
    expect(desktop.callsTo(contract.workspace.signIn)).toEqual([]);
  });

  it('says which workspace this computer is signed in to when the link is for another, and the notice can be dismissed', async () => {
    const { user, desktop } = await renderFirstRun();
    act(() => desktop.push(events.linkOpened, { kind: 'signed-in-elsewhere', workspace: 'https://theirs.example.com', current: 'https://ours.example.com' }));
    expect(notices()).toContain('That link is for the team workspace https://theirs.example.com, but Ringdesk is signed in to https://ours.example.com. Nothing was changed');
    await user.click(screen.getByRole('button', { name: 'Dismiss' }));
    expect(notices()).toBe('');
  });
});
