// @vitest-environment happy-dom
import { act, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { contract, events } from '../../../../preload/contract';
import { ReachabilityBanner } from '../../../../renderer/components/ReachabilityBanner';
import { aSnapshot, firstRunSnapshot, REACHABLE, unreachable } from '../../../fakes/app-snapshots';
import { renderWithStore } from '../render-with-store';

const SERVER = 'wss://pbx.example.com:8089/ws';
const banner = () => screen.getByTestId('reachability-banner');
const headline = () => banner().querySelector('.banner-headline')!.textContent;
/** What the agent reads without opening Details. */
const mainWords = () => [...banner().querySelectorAll('.banner-headline, .banner-detail')].map((p) => p.textContent).join(' ');

afterEach(() => {
  vi.useRealTimers();
});

describe('reachability banner', () => {
  it('says in plain words that the phone system cannot be reached, counts down to the retry, and offers "Retry now"', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    vi.setSystemTime(1_700_000_000_000);
    const { desktop } = await renderWithStore(<ReachabilityBanner />, {
      snapshot: aSnapshot({
        registration: { status: 'reconnecting', attempt: 2, nextAttemptAt: Date.now() + 8_000, cause: 'network', detail: { code: 'network.lost' } },
        reachability: unreachable({ reason: 'reconnecting', failure: { cause: 'network', detail: { code: 'network.lost' } }, server: SERVER, action: 'retry' }),
      }),
    });
    desktop.answerOk(contract.registration.retryNow, aSnapshot());

    const banner = screen.getByRole('alert');
    expect(banner.dataset.testid).toBe('reachability-banner');
    expect(headline()).toBe("Can't reach your phone system — retrying in 8 s");
    act(() => vi.advanceTimersByTime(1_000));
    expect(headline()).toBe("Can't reach your phone system — retrying in 7 s");
    expect(mainWords()).not.toContain(SERVER);
    fireEvent.click(screen.getByRole('button', { name: 'Retry now' }));
    expect(desktop.callsTo(contract.registration.retryNow)).toHaveLength(1);
  });

  it('folds the server address, status code and failure under "Details" for an admin', async () => {
    const failure = { cause: 'server', statusCode: 503, detail: { code: 'server.refused', reason: 'Service Unavailable' } } as const;
    const { user } = await renderWithStore(<ReachabilityBanner />, {
      snapshot: aSnapshot({
        registration: { status: 'reconnecting', attempt: 1, nextAttemptAt: Date.now() + 30_000, ...failure },
        reachability: unreachable({ reason: 'reconnecting', failure, server: SERVER }),
      }),
    });
    expect(headline()).toMatch(/^Your phone system has a problem — retrying in (29|30) s$/);
    expect(mainWords()).not.toMatch(/503|wss:|SIP|WebSocket/);

    const details = screen.getByText('Details').closest('details')!;
    expect(details.open).toBe(false);
    await user.click(screen.getByText('Details'));
    expect(details.open).toBe(true);
    const shown = Object.fromEntries([...details.querySelectorAll('dt')].map((dt) => [dt.textContent, dt.nextElementSibling?.textContent]));
    expect(shown).toEqual({
      Server: SERVER,
      Status: '503 Service Unavailable',
      'What happened': 'The phone server has a problem (503 Service Unavailable).',
      'Failure code': 'server · server.refused',
    });
  });

  it('keeps Details open while the countdown ticks and a new attempt begins', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    vi.setSystemTime(1_700_000_000_000);
    const failure = { cause: 'network' } as const;
    const reconnecting = (inMs: number, attempt: number) =>
      aSnapshot({
        registration: { status: 'reconnecting', attempt, nextAttemptAt: Date.now() + inMs, ...failure },
        reachability: unreachable({ reason: 'reconnecting', failure, server: SERVER }),
      });
    const { desktop } = await renderWithStore(<ReachabilityBanner />, { snapshot: reconnecting(3_000, 1) });
    fireEvent.click(screen.getByText('Details'));
    expect(screen.getByText('Details').closest('details')!.open).toBe(true);
    for (let i = 0; i < 3; i++) act(() => vi.advanceTimersByTime(1_000));
    expect(headline()).toBe("Can't reach your phone system — retrying now");
    act(() => desktop.push(events.snapshot, reconnecting(10_000, 2)));
    expect(headline()).toBe("Can't reach your phone system — retrying in 10 s");
    expect(screen.getByText('Details').closest('details')!.open).toBe(true);
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
    expect(headline()).toBe("Can't sign in to your phone system");
    expect(mainWords()).toContain('Wrong user name or password.');
    expect(mainWords()).not.toContain('403');
    expect(screen.getByTestId('reachability-banner').querySelector('details')!.textContent).toContain('403');
    await user.click(screen.getByRole('button', { name: 'Edit account' }));
    expect(store.getState().ui.editingAccount).toBe(true);
    // Now on the account form: the button would lead nowhere, so it goes.
    expect(screen.queryByRole('button', { name: 'Edit account' })).toBeNull();
  });

  it('offers no "Edit account" on first run, where the account form is the screen', async () => {
    await renderWithStore(<ReachabilityBanner />, { snapshot: firstRunSnapshot() });
    expect(headline()).toBe('Not set up');
    expect(screen.queryByRole('button', { name: 'Edit account' })).toBeNull();
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
    const details = screen.getByTestId('reachability-banner').querySelector('details')!;
    expect(details.querySelector('img')).toBeNull();
    expect(details.textContent).toContain('500 <img src=x onerror=alert(1)>Refused');
  });
});
