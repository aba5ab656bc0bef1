// @vitest-environment happy-dom
import { act, cleanup, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { contract, events } from '../../../../preload/contract';
import { PhoneShell } from '../../../../renderer/app/shell/PhoneShell';
import { aCall, answered, aSnapshot, anAccount, ended } from '../../../fakes/app-snapshots';
import { renderWithStore } from '../render-with-store';

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

const status = () => screen.getByTestId('registration-status').textContent;
const presenceButton = () => screen.getByRole('button', { name: /^Presence:/ });

describe('the shell header', () => {
  it("shows the agent's initials, name, extension and whether the line is connected", async () => {
    await renderWithStore(<PhoneShell />, { snapshot: aSnapshot() });
    expect(screen.getByRole('heading', { name: 'Alice Agent' })).toBeDefined();
    expect(screen.getByText('AA')).toBeDefined();
    expect(screen.getByText('Ext. 1001')).toBeDefined();
    expect(status()).toBe('Connected');
    // The SIP address is admin detail: a tooltip here, shown in Settings.
    expect(screen.queryByText('sip:1001@pbx.example.com')).toBeNull();
  });

  it('shows a display name with markup in it as plain text', async () => {
    await renderWithStore(<PhoneShell />, { snapshot: aSnapshot({ account: anAccount({ displayName: '<b>Bob</b>' }) }) });
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('<b>Bob</b>');
    expect(document.querySelector('b')).toBeNull();
  });

  it('changes presence in one click from the menu, and follows main', async () => {
    const { user, desktop } = await renderWithStore(<PhoneShell />, { snapshot: aSnapshot() });
    desktop.answerOk(contract.presence.set, aSnapshot({ presence: 'dnd' }));
    expect(presenceButton().getAttribute('aria-label')).toBe('Presence: Available');
    await user.click(presenceButton());
    const menu = screen.getByRole('menu', { name: 'Presence' });
    const items = within(menu).getAllByRole('menuitemradio');
    expect(items.map((i) => i.textContent)).toEqual(['AvailableCalls ring here', 'AwayCalls still ring; teammates see you are away', 'Do Not DisturbCallers hear busy', 'OfflineSigned out of the phone line']);
    expect(items.map((i) => i.getAttribute('aria-checked'))).toEqual(['true', 'false', 'false', 'false']);

    await user.click(within(menu).getByRole('menuitemradio', { name: 'Do Not Disturb' }));
    expect(desktop.callsTo(contract.presence.set)).toEqual(['dnd']);
    expect(screen.queryByRole('menu')).toBeNull();
    expect(presenceButton().getAttribute('aria-label')).toBe('Presence: Do Not Disturb');
    expect(document.activeElement).toBe(presenceButton());
  });

  it('is operable from the keyboard: arrows move, Enter picks, Escape closes', async () => {
    const { user, desktop } = await renderWithStore(<PhoneShell />, { snapshot: aSnapshot() });
    desktop.answerOk(contract.presence.set, aSnapshot({ presence: 'away' }));
    presenceButton().focus();
    await user.keyboard('{ArrowDown}');
    expect(document.activeElement?.textContent).toMatch(/^Available/);
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('menu')).toBeNull();
    await user.keyboard('{ArrowDown}{ArrowDown}{Enter}');
    expect(desktop.callsTo(contract.presence.set)).toEqual(['away']);
  });

  it('keeps showing the presence main has when a change is refused', async () => {
    const { user, desktop } = await renderWithStore(<PhoneShell />, { snapshot: aSnapshot() });
    desktop.answerError(contract.presence.set, { code: 'failed', problem: 'internal' });
    await user.click(presenceButton());
    await user.click(screen.getByRole('menuitemradio', { name: 'Away' }));
    expect(presenceButton().getAttribute('aria-label')).toBe('Presence: Available');
  });

  it('follows the registration as main reports it', async () => {
    const { desktop } = await renderWithStore(<PhoneShell />, { snapshot: aSnapshot({ registration: { status: 'registering' } }) });
    expect(status()).toBe('Connecting…');
    act(() => desktop.push(events.snapshot, aSnapshot({ registration: { status: 'offline' }, presence: 'offline' })));
    expect(status()).toBe('Offline');
    act(() => desktop.push(events.snapshot, aSnapshot({ registration: { status: 'failed', cause: 'auth', statusCode: 401 } })));
    expect(status()).toBe('Password refused');
    act(() => desktop.push(events.snapshot, aSnapshot({ registration: { status: 'failed', cause: 'server', statusCode: 503 } })));
    expect(status()).toBe('Not connected');
  });

  it('counts down to the next reconnection attempt second by second', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    vi.setSystemTime(1_700_000_000_000);
    const registration = { status: 'reconnecting', attempt: 3, nextAttemptAt: Date.now() + 7_000, cause: 'network' } as const;
    await renderWithStore(<PhoneShell />, { snapshot: aSnapshot({ registration }) });
    expect(status()).toBe('Reconnecting in 7 s (attempt 3)');

    act(() => vi.advanceTimersByTime(1_000));
    expect(status()).toBe('Reconnecting in 6 s (attempt 3)');
    // One second at a time: each tick schedules the next after React re-renders.
    for (let i = 0; i < 6; i++) act(() => vi.advanceTimersByTime(1_000));
    expect(status()).toBe('Reconnecting now (attempt 3)');
  });
});

describe('the sections', () => {
  it('switches with the navigation and the arrow keys', async () => {
    const { user } = await renderWithStore(<PhoneShell />, { snapshot: aSnapshot() });
    expect(screen.getByRole('tab', { name: 'Phone' }).getAttribute('aria-selected')).toBe('true');
    await user.click(screen.getByRole('tab', { name: 'Settings' }));
    expect(screen.getByRole('tabpanel', { name: 'Settings' })).toBeDefined();
    expect(screen.getByRole('heading', { name: 'Account' })).toBeDefined();
    await user.keyboard('{ArrowLeft}');
    expect(screen.getByRole('tab', { name: 'History' }).getAttribute('aria-selected')).toBe('true');
    expect(document.activeElement).toBe(screen.getByRole('tab', { name: 'History' }));
  });

  it('edits the account from Settings, inside the shell, and lands back in Settings', async () => {
    const { user, store } = await renderWithStore(<PhoneShell />, { snapshot: aSnapshot() });
    await user.click(screen.getByRole('tab', { name: 'Settings' }));
    expect(screen.getByText('sip:1001@pbx.example.com')).toBeDefined();
    await user.click(screen.getByRole('button', { name: 'Edit account' }));
    expect(store.getState().ui.editingAccount).toBe(true);
    // Presence and the navigation stay while the form is open.
    expect(presenceButton()).toBeDefined();
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.getByRole('heading', { name: 'Account' })).toBeDefined();
  });
});

describe('the call area', () => {
  it('shows a ringing call with Answer on every section, outside the scrolling content', async () => {
    const { user, telephony } = await renderWithStore(<PhoneShell />, { snapshot: aSnapshot() });
    await user.click(screen.getByRole('tab', { name: 'Settings' }));
    act(() => telephony.pushCall(aCall({ id: 'bob' })));
    const answer = screen.getByRole('button', { name: 'Answer' });
    expect(screen.getByTestId('call-area').contains(answer)).toBe(true);
    expect(screen.getByRole('tabpanel').contains(answer)).toBe(false);
  });

  it('puts the call screen in place of the dialer on the Phone section during a call', async () => {
    const { telephony } = await renderWithStore(<PhoneShell />, { snapshot: aSnapshot() });
    expect(screen.getByRole('button', { name: 'Call' })).toBeDefined();
    act(() => telephony.pushCall(answered(aCall({ id: 'bob' }))));
    expect(screen.getByRole('button', { name: 'Hang up' })).toBeDefined();
    expect(screen.queryByRole('button', { name: 'Call' })).toBeNull();
  });

  it('gives the number field the focus back when the call ends', async () => {
    const { user, telephony } = await renderWithStore(<PhoneShell />, { snapshot: aSnapshot() });
    const call = answered(aCall({ id: 'bob' }));
    act(() => telephony.pushCall(call));
    await user.click(screen.getByRole('button', { name: 'Hang up' }));
    act(() => telephony.pushCall(ended(call, 'hangup', 'local')));
    expect(document.activeElement).toBe(screen.getByLabelText('Number or SIP address'));
  });
});
