// @vitest-environment happy-dom
import { act, cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { contract, events } from '../../../../../preload/contract';
import { PhoneScreen } from '../../../../../renderer/features/phone/PhoneScreen';
import { aSnapshot, anAccount } from '../../../../fakes/app-snapshots';
import { renderWithStore } from '../../render-with-store';

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

const status = () => screen.getByTestId('registration-status').textContent;

describe('phone screen', () => {
  it("shows the agent's name and address", async () => {
    await renderWithStore(<PhoneScreen />, { snapshot: aSnapshot() });
    expect(screen.getByRole('heading', { name: 'Alice Agent' })).toBeDefined();
    expect(screen.getByText('sip:1001@pbx.example.com')).toBeDefined();
    expect(status()).toBe('Registered');
  });

  it('shows a display name with markup in it as plain text', async () => {
    await renderWithStore(<PhoneScreen />, { snapshot: aSnapshot({ account: anAccount({ displayName: '<b>Bob</b>' }) }) });
    expect(screen.getByRole('heading').textContent).toBe('<b>Bob</b>');
    expect(document.querySelector('b')).toBeNull();
  });

  it('asks main for Do Not Disturb when the agent chooses it', async () => {
    const { user, desktop } = await renderWithStore(<PhoneScreen />, { snapshot: aSnapshot() });
    desktop.answerOk(contract.presence.set, aSnapshot({ presence: 'dnd' }));
    const presence = screen.getByLabelText<HTMLSelectElement>('Presence');
    expect([...presence.options].map((o) => o.text)).toEqual(['Available', 'Away', 'Do Not Disturb', 'Offline']);

    await user.selectOptions(presence, 'Do Not Disturb');
    expect(desktop.callsTo(contract.presence.set)).toEqual(['dnd']);
    expect(presence.value).toBe('dnd');
  });

  it('keeps showing the presence main has when a change is refused', async () => {
    const { user, desktop } = await renderWithStore(<PhoneScreen />, { snapshot: aSnapshot() });
    desktop.answerError(contract.presence.set, { code: 'failed', problem: 'internal' });
    await user.selectOptions(screen.getByLabelText('Presence'), 'Away');
    expect(screen.getByLabelText<HTMLSelectElement>('Presence').value).toBe('available');
  });

  it('follows the registration as main reports it', async () => {
    const { desktop } = await renderWithStore(<PhoneScreen />, { snapshot: aSnapshot({ registration: { status: 'registering' } }) });
    expect(status()).toBe('Registering…');
    act(() => desktop.push(events.snapshot, aSnapshot({ registration: { status: 'offline' }, presence: 'offline' })));
    expect(status()).toBe('Offline');
    act(() => desktop.push(events.snapshot, aSnapshot({ registration: { status: 'failed', cause: 'auth', statusCode: 401 } })));
    expect(status()).toBe('Failed');
  });

  it('counts down to the next reconnection attempt second by second', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    vi.setSystemTime(1_700_000_000_000);
    const registration = { status: 'reconnecting', attempt: 3, nextAttemptAt: Date.now() + 7_000, cause: 'network' } as const;
    await renderWithStore(<PhoneScreen />, { snapshot: aSnapshot({ registration }) });
    expect(status()).toBe('Reconnecting in 7 s (attempt 3)');

    act(() => vi.advanceTimersByTime(1_000));
    expect(status()).toBe('Reconnecting in 6 s (attempt 3)');
    // One second at a time: each tick schedules the next after React re-renders.
    for (let i = 0; i < 6; i++) act(() => vi.advanceTimersByTime(1_000));
    expect(status()).toBe('Reconnecting now (attempt 3)');
  });

  it('opens the account editor from "Edit account"', async () => {
    const { user, store } = await renderWithStore(<PhoneScreen />, { snapshot: aSnapshot() });
    await user.click(screen.getByRole('button', { name: 'Edit account' }));
    expect(store.getState().ui.editingAccount).toBe(true);
  });
});
