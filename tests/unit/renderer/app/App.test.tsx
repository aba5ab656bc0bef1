// @vitest-environment happy-dom
import { act, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { contract, events } from '../../../../preload/contract';
import type { IpcResult } from '../../../../preload/contract';
import type { AppSnapshot } from '../../../../common/schemas/snapshot';
import { App } from '../../../../renderer/app/App';
import { aSnapshot, firstRunSnapshot, REACHABLE, unreachable } from '../../../fakes/app-snapshots';
import { renderWithStore } from '../render-with-store';
import { fillValidAccount } from '../features/setup/fill-account-form';


describe('app', () => {
  it('says "Starting…" until main has answered, then shows the phone', async () => {
    let answer: (result: IpcResult<AppSnapshot>) => void = () => {};
    await renderWithStore(<App />, {
      snapshot: null,
      beforeRender: (desktop) => desktop.answer(contract.app.getSnapshot, () => new Promise((resolve) => (answer = resolve))),
    });
    expect(screen.getByRole('status').textContent).toBe('Starting…');
    act(() => answer({ ok: true, value: aSnapshot() }));
    expect((await screen.findByTestId('registration-status')).textContent).toBe('Connected');
  });

  it('shows a readable reason and a Retry button when settings cannot be loaded, then recovers', async () => {
    const { desktop, user } = await renderWithStore(<App />, {
      snapshot: null,
      beforeRender: (d) => d.answerError(contract.app.getSnapshot, { code: 'failed', problem: 'internal' }),
    });
    expect(await screen.findByText('Something went wrong in Ringdesk. Please try again.')).toBeDefined();
    expect(screen.getByRole('heading', { name: 'Ringdesk could not load your settings' })).toBeDefined();

    desktop.answerOk(contract.app.getSnapshot, aSnapshot());
    await user.click(screen.getByRole('button', { name: 'Retry' }));
    expect(await screen.findByTestId('registration-status')).toBeDefined();
  });

  it('opens on the welcome the first time, then the account setup, and on the phone once saved', async () => {
    const { desktop, user } = await renderWithStore(<App />, { snapshot: firstRunSnapshot() });
    expect(screen.getByRole('heading', { name: 'Welcome to Ringdesk' })).toBeDefined();
    await user.click(screen.getByRole('button', { name: 'Use a SIP account' }));
    expect(screen.getByRole('heading', { name: 'Set up your phone account' })).toBeDefined();
    expect(screen.queryByRole('button', { name: 'Cancel' })).toBeNull();

    desktop.answerOk(contract.account.save, aSnapshot({ registration: { status: 'registering' }, reachability: unreachable() }));
    await fillValidAccount(user);
    await user.click(screen.getByRole('button', { name: 'Save and connect' }));
    expect((await screen.findByTestId('registration-status')).textContent).toBe('Connecting…');
  });

  it('keeps the account form as typed when a snapshot arrives meanwhile', async () => {
    const { desktop, user } = await renderWithStore(<App />, { snapshot: firstRunSnapshot() });
    await user.click(screen.getByRole('button', { name: 'Use a SIP account' }));
    await user.type(screen.getByLabelText('Display name'), 'Alice');
    act(() => desktop.push(events.snapshot, { ...firstRunSnapshot(), reachability: { ...REACHABLE, canReceiveCalls: false, reason: 'not-set-up' } }));
    expect(screen.getByLabelText<HTMLInputElement>('Display name').value).toBe('Alice');
  });

  it('shows the not-reachable banner above the phone and removes it once registered', async () => {
    const { desktop } = await renderWithStore(<App />, {
      snapshot: aSnapshot({ registration: { status: 'registering' }, reachability: unreachable({ tone: 'warning', action: undefined }) }),
    });
    expect(screen.getByTestId('reachability-banner')).toBeDefined();
    act(() => desktop.push(events.snapshot, aSnapshot()));
    expect(screen.queryByTestId('reachability-banner')).toBeNull();
  });
});
