import { describe, expect, it } from 'vitest';
import { contract, events, type IpcResult } from '../../../../preload/contract';
import type { HistoryPage } from '../../../../common/schemas/history';
import { createRingdeskStore } from '../../../../renderer/store/ringdesk-store';
import { HISTORY_HELD_LIMIT, HISTORY_PAGE_SIZE } from '../../../../renderer/store/history-slice';
import { aHistoryEntry } from '../../../fakes/app-snapshots';
import { createFakeRingdeskApi } from '../../../fakes/fake-ringdesk-api';
import { createFakeTelephony } from '../../../fakes/fake-telephony';
import { createFakeAudioHardware } from '../fake-audio-hardware';
import { withRelay } from '../with-relay';

function storeWithHistory() {
  const desktop = createFakeRingdeskApi();
  const store = createRingdeskStore({ desktop: desktop.api, ...withRelay(desktop.api, createFakeTelephony()), audio: createFakeAudioHardware() });
  store.getState().followHistory();
  return { desktop, state: () => store.getState() };
}

const page = (ids: string[], hasMore: boolean, startedAt = 1_000_000): HistoryPage => ({
  entries: ids.map((id, i) => aHistoryEntry({ id, startedAt: startedAt - i * 1_000 })),
  hasMore,
});

describe('history: pages from main', () => {
  it('loads the first hundred, then the next page from where the list ends', async () => {
    const { desktop, state } = storeWithHistory();
    desktop.answerOk(contract.history.query, page(['a', 'b'], true));
    await state().loadHistory();
    desktop.answerOk(contract.history.query, page(['c'], false, 998_000));
    await state().loadMoreHistory();

    expect(state().history.entries.map((e) => e.id)).toEqual(['a', 'b', 'c']);
    expect(state().history.hasMore).toBe(false);
    expect(desktop.callsTo(contract.history.query)).toEqual([
      { filter: 'all', search: '', limit: 100 },
      { filter: 'all', search: '', limit: 100, before: { startedAt: 999_000, id: 'b' } },
    ]);
  });

  it('asks main for the chosen filter and search', async () => {
    const { desktop, state } = storeWithHistory();
    desktop.answerOk(contract.history.query, page([], false));
    await state().loadHistory({ filter: 'missed' });
    await state().loadHistory({ search: 'bob' });
    expect(desktop.callsTo(contract.history.query).at(-1)).toEqual({ filter: 'missed', search: 'bob', limit: 100 });
  });

  it('keeps only the answer to the latest search when answers arrive out of order', async () => {
    const { desktop, state } = storeWithHistory();
    const answers: Array<(r: IpcResult<HistoryPage>) => void> = [];
    desktop.answer(contract.history.query, () => new Promise((resolve) => answers.push(resolve)));
    const slow = state().loadHistory({ search: 'b' });
    const fast = state().loadHistory({ search: 'bo' });
    answers[1]!({ ok: true, value: page(['bob'], false) });
    answers[0]!({ ok: true, value: page(['bert', 'bob'], false) });
    await Promise.all([slow, fast]);
    expect(state().history.entries.map((e) => e.id)).toEqual(['bob']);
  });

  it('says why the history could not be loaded', async () => {
    const { desktop, state } = storeWithHistory();
    desktop.answerError(contract.history.query, { code: 'failed', problem: 'internal' });
    await state().loadHistory();
    expect(state().history).toMatchObject({ status: 'failed', error: 'Something went wrong in Ringdesk. Please try again.' });
  });

  it('puts a call main just recorded at the top when it matches what is shown', async () => {
    const { desktop, state } = storeWithHistory();
    desktop.answerOk(contract.history.query, page(['old'], false));
    await state().loadHistory({ filter: 'missed' });
    desktop.push(events.historyAdded, aHistoryEntry({ id: 'new', startedAt: 2_000_000 }));
    desktop.push(events.historyAdded, aHistoryEntry({ id: 'answered', status: 'answered', startedAt: 2_000_001 }));
    expect(state().history.entries.map((e) => e.id)).toEqual(['new', 'old']);
  });

  it('finds recent calls for dial suggestions, and nothing when main cannot answer', async () => {
    const { desktop, state } = storeWithHistory();
    desktop.answerOk(contract.history.query, page(['a'], false));
    expect((await state().findRecentCalls('100', 5)).map((e) => e.id)).toEqual(['a']);
    expect(desktop.callsTo(contract.history.query).at(-1)).toEqual({ search: '100', limit: 5 });
    desktop.answerError(contract.history.query, { code: 'failed', problem: 'internal' });
    expect(await state().findRecentCalls('100', 5)).toEqual([]);
  });
});

/** `count` entries from `from` down, a second apart (the newest first), as main pages them. */
const numbered = (from: number, count: number) =>
  Array.from({ length: count }, (_, i) => aHistoryEntry({ id: `e${from + i}`, startedAt: 10_000_000 - (from + i) * 1_000 }));

describe('history: only a window of it is held', () => {
  it('holds no more than the first page however many calls the session adds', async () => {
    const { desktop, state } = storeWithHistory();
    desktop.answerOk(contract.history.query, { entries: numbered(0, HISTORY_PAGE_SIZE), hasMore: true });
    await state().loadHistory();
    for (let n = 1; n <= 5_000; n++) desktop.push(events.historyAdded, aHistoryEntry({ id: `new${n}`, startedAt: 10_000_000 + n * 1_000 }));
    const { entries, hasMore } = state().history;
    expect(entries).toHaveLength(HISTORY_PAGE_SIZE);
    expect(entries[0]!.id).toBe('new5000');
    expect(entries.at(-1)!.id).toBe('new4901');
    expect(hasMore).toBe(true);
  });

  it('keeps a short history whole as calls are added, up to a page', async () => {
    const { desktop, state } = storeWithHistory();
    desktop.answerOk(contract.history.query, { entries: numbered(0, 2), hasMore: false });
    await state().loadHistory();
    for (let n = 1; n <= 3; n++) desktop.push(events.historyAdded, aHistoryEntry({ id: `new${n}`, startedAt: 10_000_000 + n * 1_000 }));
    expect(state().history.entries.map((e) => e.id)).toEqual(['new3', 'new2', 'new1', 'e0', 'e1']);
    expect(state().history.hasMore).toBe(false);
  });

  it('lets the newest pages go as the agent scrolls down, and fetches them again on the way back up', async () => {
    const { desktop, state } = storeWithHistory();
    const all = numbered(0, 1_000);
    desktop.answer(contract.history.query, async (query) => {
      const from = query.before ? all.findIndex((e) => e.id === query.before!.id) + 1 : 0;
      const limit = query.limit ?? 100;
      return { ok: true, value: { entries: all.slice(from, from + limit), hasMore: from + limit < all.length } };
    });
    await state().loadHistory();
    for (let page = 0; page < 4; page++) await state().loadMoreHistory();
    // Pages 3 to 5 (e200…e499) are held: the agent is looking at the oldest of them.
    expect(state().history.entries).toHaveLength(HISTORY_HELD_LIMIT);
    expect(state().history.entries[0]!.id).toBe('e200');
    expect(state().history.hasNewer).toBe(true);

    // A call made meanwhile waits for the agent to come back to the top.
    desktop.push(events.historyAdded, aHistoryEntry({ id: 'during', startedAt: 20_000_000 }));
    expect(state().history.entries.some((e) => e.id === 'during')).toBe(false);

    await state().loadNewerHistory();
    expect(state().history.entries.map((e) => e.id).slice(0, 2)).toEqual(['e100', 'e101']);
    expect(state().history.entries.at(-1)!.id).toBe('e399');
    expect(state().history.hasMore).toBe(true);
    expect(state().history.hasNewer).toBe(true);

    all.unshift(aHistoryEntry({ id: 'during', startedAt: 20_000_000 }));
    await state().loadNewerHistory();
    expect(state().history.entries[0]!.id).toBe('during');
    expect(state().history.entries.map((e) => e.id)).toContain('e100');
    expect(state().history.hasNewer).toBe(false);
    expect(new Set(state().history.entries.map((e) => e.id)).size).toBe(state().history.entries.length);
  });

  it('lets everything go when the view closes, and ignores answers still on their way', async () => {
    const { desktop, state } = storeWithHistory();
    let answer: (r: IpcResult<HistoryPage>) => void = () => undefined;
    desktop.answer(contract.history.query, () => new Promise((resolve) => (answer = resolve)));
    const loading = state().loadHistory();
    state().releaseHistory();
    answer({ ok: true, value: page(['a'], false) });
    await loading;
    desktop.push(events.historyAdded, aHistoryEntry({ id: 'new', startedAt: 2_000_000 }));
    expect(state().history).toMatchObject({ entries: [], status: 'idle' });
  });
});
