import { describe, expect, it } from 'vitest';
import { contract, events, type IpcResult } from '../../../../preload/contract';
import type { HistoryPage } from '../../../../common/schemas/history';
import { createRingdeskStore } from '../../../../renderer/store/ringdesk-store';
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
