// @vitest-environment happy-dom
import { act, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { contract, events } from '../../../../../preload/contract';
import type { HistoryEntry, HistoryPage } from '../../../../../common/schemas/history';
import { HistoryView } from '../../../../../renderer/features/history/HistoryView';
import { aHistoryEntry, aSnapshot } from '../../../../fakes/app-snapshots';
import type { FakeRingdeskApi } from '../../../../fakes/fake-ringdesk-api';
import { renderWithStore } from '../../render-with-store';

const NOW = Date.now();
const missedFromBob = aHistoryEntry({ id: 'bob', startedAt: NOW - 60_000 });
const callToCarol = aHistoryEntry({
  id: 'carol',
  direction: 'outbound',
  status: 'answered',
  peer: { uri: 'sip:+12025550199@pbx.example.com', user: '+12025550199', displayName: null },
  startedAt: NOW - 120_000,
  answeredAt: NOW - 115_000,
  endedAt: NOW - 50_000,
  durationSec: 65,
});

/** Main answers every history query with this page. */
const withPage = (page: HistoryPage) => (desktop: FakeRingdeskApi) => desktop.answerOk(contract.history.query, page);

/** The calls shown (the list's other items are day headings). */
const items = () =>
  within(screen.getByRole('list', { name: 'Calls' }))
    .getAllByRole('listitem')
    .filter((item) => within(item).queryByRole('heading') === null);

describe('call history', () => {
  it('lists calls with how they turned out, who, direction and talk time', async () => {
    await renderWithStore(<HistoryView />, { snapshot: aSnapshot(), beforeRender: withPage({ entries: [missedFromBob, callToCarol], hasMore: false }) });
    await waitFor(() => expect(items()).toHaveLength(2));
    const [bob, carol] = items();
    expect(within(bob!).getByText('Missed call')).toBeDefined();
    expect(within(bob!).getByText('Bob Caller')).toBeDefined();
    expect(within(bob!).getByText('Incoming')).toBeDefined();
    expect(within(carol!).getByText('Answered')).toBeDefined();
    expect(within(carol!).getByText('(202) 555-0199')).toBeDefined();
    expect(within(carol!).getByText('Outgoing')).toBeDefined();
    expect(within(carol!).getByText('1:05')).toBeDefined();
  });

  it('tells a declined call from a number that was not found, each with its own icon', async () => {
    const outbound = (id: string, status: HistoryEntry['status'], startedAt: number) =>
      aHistoryEntry({ id, status, direction: 'outbound', startedAt, peer: { uri: `sip:${id}@pbx.example.com`, user: id, displayName: null } });
    await renderWithStore(<HistoryView />, {
      snapshot: aSnapshot(),
      beforeRender: withPage({ entries: [outbound('1002', 'declined', NOW - 1_000), outbound('4999', 'not-found', NOW - 2_000)], hasMore: false }),
    });
    await waitFor(() => expect(items()).toHaveLength(2));
    const [declined, notFound] = items();
    expect(within(declined!).getByText('Declined')).toBeDefined();
    expect(within(declined!).getByText('Outgoing')).toBeDefined();
    expect(within(notFound!).getByText('Number not found')).toBeDefined();
    expect(within(notFound!).getByText('Outgoing')).toBeDefined();
    const icon = (item: HTMLElement) => item.querySelector('.history-icon')!;
    expect(icon(declined!).getAttribute('aria-hidden')).toBe('true');
    expect(icon(declined!).innerHTML).not.toBe(icon(notFound!).innerHTML);
  });

  it('puts calls under a heading for their day', async () => {
    const yesterday = new Date(NOW);
    yesterday.setDate(yesterday.getDate() - 1);
    yesterday.setHours(12, 0, 0, 0);
    await renderWithStore(<HistoryView />, {
      snapshot: aSnapshot(),
      beforeRender: withPage({ entries: [missedFromBob, aHistoryEntry({ id: 'older', startedAt: yesterday.getTime() })], hasMore: false }),
    });
    await waitFor(() => expect(items()).toHaveLength(2));
    const headings = screen.getAllByRole('heading').map((h) => h.textContent);
    expect(headings.at(-1)).toBe('Yesterday');
    expect(headings).toContain(new Date(missedFromBob.startedAt).getDate() === new Date(NOW).getDate() ? 'Today' : 'Yesterday');
  });

  it('shows the time of a call today as hours and minutes', async () => {
    const today = new Date();
    today.setHours(14, 5, 0, 0);
    await renderWithStore(<HistoryView />, {
      snapshot: aSnapshot(),
      beforeRender: withPage({ entries: [aHistoryEntry({ startedAt: Math.min(today.getTime(), Date.now()) })], hasMore: false }),
    });
    const time = await screen.findByText(/^\d\d:\d\d$/);
    expect(time.tagName).toBe('TIME');
  });

  it('filters by Missed / Inbound / Outbound through main', async () => {
    const { user, desktop } = await renderWithStore(<HistoryView />, { snapshot: aSnapshot() });
    const show = screen.getByLabelText<HTMLSelectElement>('Show');
    expect([...show.options].map((o) => o.text)).toEqual(['All', 'Missed', 'Inbound', 'Outbound']);
    desktop.answerOk(contract.history.query, { entries: [missedFromBob], hasMore: false });
    await user.selectOptions(show, 'Missed');
    await waitFor(() => expect(items()).toHaveLength(1));
    expect(desktop.callsTo(contract.history.query).at(-1)).toEqual({ filter: 'missed', search: '', limit: 100 });
  });

  it('searches calls as the agent types', async () => {
    const { user, desktop } = await renderWithStore(<HistoryView />, { snapshot: aSnapshot() });
    await user.type(screen.getByLabelText('Search calls'), 'bob');
    await waitFor(() => expect(desktop.callsTo(contract.history.query).at(-1)).toEqual({ filter: 'all', search: 'bob', limit: 100 }));
    expect(await screen.findByText('No calls match.')).toBeDefined();
  });

  it('calls back the number of an entry', async () => {
    const { user, telephony } = await renderWithStore(<HistoryView />, {
      snapshot: aSnapshot(),
      beforeRender: withPage({ entries: [callToCarol], hasMore: false }),
    });
    await waitFor(() => expect(items()).toHaveLength(1));
    await user.click(screen.getByRole('button', { name: 'Call back' }));
    expect(telephony.opsOf('dial').map((d) => d.targetUri)).toEqual(['sip:+12025550199@pbx.example.com']);
  });

  it('renders only the calls on screen, and loads the next hundred with "Load more"', async () => {
    const first: HistoryEntry[] = Array.from({ length: 100 }, (_, i) => aHistoryEntry({ id: `e${i}`, startedAt: NOW - i * 1000 }));
    const { user, desktop } = await renderWithStore(<HistoryView />, { snapshot: aSnapshot(), beforeRender: withPage({ entries: first, hasMore: true }) });
    await waitFor(() => expect(items().length).toBeGreaterThan(0));
    expect(items().length).toBeLessThan(50);
    expect(within(items()[0]!).getByText('Bob Caller')).toBeDefined();
    desktop.answerOk(contract.history.query, { entries: [aHistoryEntry({ id: 'e100', startedAt: NOW - 100_000 })], hasMore: false });
    await user.click(screen.getByRole('button', { name: 'Load more' }));
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Load more' })).toBeNull());
    expect(desktop.callsTo(contract.history.query).at(-1)).toMatchObject({ before: { id: 'e99' } });
  });

  it('adds a call main has just recorded at the top', async () => {
    const { desktop } = await renderWithStore(<HistoryView />, { snapshot: aSnapshot(), beforeRender: withPage({ entries: [callToCarol], hasMore: false }) });
    await waitFor(() => expect(items()).toHaveLength(1));
    act(() => desktop.push(events.historyAdded, aHistoryEntry({ id: 'new', startedAt: NOW })));
    expect(items()).toHaveLength(2);
    expect(within(items()[0]!).getByText('Missed call')).toBeDefined();
  });

  it('says why the history could not be loaded and offers to retry', async () => {
    const { user, desktop } = await renderWithStore(<HistoryView />, {
      snapshot: aSnapshot(),
      beforeRender: (d) => d.answerError(contract.history.query, { code: 'failed', problem: 'internal' }),
    });
    expect((await screen.findByRole('alert')).textContent).toContain('Something went wrong in Ringdesk. Please try again.');
    desktop.answerOk(contract.history.query, { entries: [missedFromBob], hasMore: false });
    await user.click(screen.getByRole('button', { name: 'Retry' }));
    await waitFor(() => expect(items()).toHaveLength(1));
  });
});
