// @vitest-environment happy-dom
import { act, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { contract, events } from '../../../../preload/contract';
import { ReachabilityBanner } from '../../../../renderer/components/ReachabilityBanner';
import { aSnapshot, REACHABLE, unreachable } from '../../../fakes/app-snapshots';
import { renderWithStore } from '../render-with-store';


describe('reachability banner', () => {
  it('warns that calls cannot come in and offers "Retry now" while reconnecting', async () => {
    const { desktop, user } = await renderWithStore(<ReachabilityBanner />, {
      snapshot: aSnapshot({
        registration: { status: 'reconnecting', attempt: 2, nextAttemptAt: Date.now() + 5000, cause: 'network' },
        reachability: unreachable({ reason: 'reconnecting', failure: { cause: 'network' }, server: 'wss://pbx.example.com:8089/ws', action: 'retry' }),
      }),
    });
    desktop.answerOk(contract.registration.retryNow, aSnapshot());

    const banner = screen.getByRole('alert');
    expect(banner.dataset.testid).toBe('reachability-banner');
    expect(banner.textContent).toContain('Not reachable: reconnecting');
    expect(banner.textContent).toContain('Cannot reach wss://pbx.example.com:8089/ws. Check the address and your network. Ringdesk keeps trying automatically.');
    await user.click(screen.getByRole('button', { name: 'Retry now' }));
    expect(desktop.callsTo(contract.registration.retryNow)).toHaveLength(1);
  });

  it('offers "Go available" when the agent is offline, and that sets presence to available', async () => {
    const { desktop, user } = await renderWithStore(<ReachabilityBanner />, {
      snapshot: aSnapshot({
        presence: 'offline',
        registration: { status: 'offline' },
        reachability: unreachable({ tone: 'warning', reason: 'offline', failure: undefined, action: 'go-available' }),
      }),
    });
    desktop.answerOk(contract.presence.set, aSnapshot());

    expect(screen.getByRole('status').textContent).toContain('You are offline');
    await user.click(screen.getByRole('button', { name: 'Go available' }));
    expect(desktop.callsTo(contract.presence.set)).toEqual(['available']);
  });

  it('offers "Edit account" after the server rejected the password', async () => {
    const { store, user } = await renderWithStore(<ReachabilityBanner />, {
      snapshot: aSnapshot({
        registration: { status: 'failed', cause: 'auth', statusCode: 403 },
        reachability: unreachable({ reason: 'sign-in-failed', failure: { cause: 'auth', statusCode: 403 }, action: 'edit-account' }),
      }),
    });
    expect(screen.getByRole('alert').textContent).toContain('Wrong user name or password (403).');
    await user.click(screen.getByRole('button', { name: 'Edit account' }));
    expect(store.getState().ui.editingAccount).toBe(true);
  });

  it('has no dismiss button and disappears once the phone is registered again', async () => {
    const { desktop } = await renderWithStore(<ReachabilityBanner />, {
      snapshot: aSnapshot({ registration: { status: 'registering' }, reachability: unreachable({ action: undefined }) }),
    });
    expect(screen.getByTestId('reachability-banner')).toBeDefined();
    expect(screen.queryByRole('button')).toBeNull();

    act(() => desktop.push(events.snapshot, aSnapshot({ reachability: REACHABLE })));
    expect(screen.queryByTestId('reachability-banner')).toBeNull();
  });

  it('shows a server-supplied failure detail as text, never as markup', async () => {
    await renderWithStore(<ReachabilityBanner />, {
      snapshot: aSnapshot({ reachability: unreachable({ failure: { cause: 'server', statusCode: 500, detail: { code: 'server.refused', reason: '<img src=x onerror=alert(1)>Refused' } } }) }),
    });
    const banner = screen.getByTestId('reachability-banner');
    expect(banner.querySelector('img')).toBeNull();
    expect(banner.textContent).toContain('<img src=x onerror=alert(1)>Refused');
  });
});
