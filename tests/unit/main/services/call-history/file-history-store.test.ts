import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { HistoryQueryParams, HistoryStore } from '../../../../../main/ports/history-store';
import { createFileHistoryStore, HISTORY_FILE_NAME } from '../../../../../main/services/call-history/file-history-store';
import { EARLIEST_CALL_TIME_MS, LATEST_CALL_TIME_MS, MAX_CALL_DURATION_SEC } from '../../../../../common/schemas/call';
import { historyQuerySchema, type HistoryEntry, type HistoryQuery } from '../../../../../common/schemas/history';
import { historyEntry } from '../../../../fakes/call-snapshots';
import { MemoryLogger } from '../../../../fakes/memory-logger';
import { expectOwnerOnly } from '../../owner-only';

const T0 = Date.UTC(2026, 0, 5, 8, 0, 0);
const MINUTE = 60_000;

let dir: string;
let log: MemoryLogger;
const file = () => path.join(dir, HISTORY_FILE_NAME);
const open = (options: { keep?: number; slack?: number } = {}) => createFileHistoryStore({ dir, log, ...options });
const q = (query: HistoryQuery = {}): HistoryQueryParams => historyQuerySchema.parse(query);
const ids = (entries: HistoryEntry[]) => entries.map((e) => e.id);

/** The n-th call of a busy day: a minute apart, alternating in/out, every 7th inbound one missed. */
function nthCall(n: number): HistoryEntry {
  const inbound = n % 2 === 0;
  const missed = inbound && n % 7 === 0;
  const number = `+1555${String(n % 10_000).padStart(7, '0')}`;
  return historyEntry({
    id: `c${n}`,
    direction: inbound ? 'inbound' : 'outbound',
    status: missed ? 'missed' : 'answered',
    peer: { uri: `sip:${number}@pbx.example.com`, user: number, displayName: n % 3 === 0 ? null : `Customer ${n}` },
    startedAt: T0 + n * MINUTE,
    answeredAt: missed ? null : T0 + n * MINUTE + 5_000,
    endedAt: T0 + n * MINUTE + 50_000,
    durationSec: missed ? 0 : 45,
  });
}

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ringdesk-history-'));
  log = new MemoryLogger();
});
afterEach(() => {
  vi.restoreAllMocks();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function addAll(store: HistoryStore, entries: HistoryEntry[]) {
  for (const e of entries) expect(await store.add(e)).toBe('added');
}

describe('call history file', () => {
  it('starts empty on first run, without creating a file until a call ends', async () => {
    const store = open();
    expect(await store.query(q())).toEqual({ entries: [], hasMore: false });
    expect(fs.existsSync(file())).toBe(false);
  });

  it('survives a restart, newest call first', async () => {
    const first = open();
    await addAll(first, [nthCall(1), nthCall(2), nthCall(3)]);
    const second = open();
    const page = await second.query(q());
    expect(ids(page.entries)).toEqual(['c3', 'c2', 'c1']);
    expect(page.entries[0]).toEqual(nthCall(3));
    expect(fs.readFileSync(file(), 'utf8').trimEnd().split('\n')).toHaveLength(3);
  });

  it('keeps one entry per call even if it is added twice', async () => {
    const store = open();
    expect(await store.add(nthCall(1))).toBe('added');
    const [again, concurrently] = await Promise.all([store.add(nthCall(1)), store.add({ ...nthCall(1), status: 'missed' })]);
    expect([again, concurrently]).toEqual(['duplicate', 'duplicate']);
    expect((await open().query(q())).entries).toEqual([nthCall(1)]);
  });

  it('loses only the last call when Ringdesk stopped while writing it, and says so in the log', async () => {
    await addAll(open(), [nthCall(1), nthCall(2)]);
    const torn = JSON.stringify(nthCall(3)).slice(0, 57);
    fs.appendFileSync(file(), torn);

    const store = open();
    expect(ids((await store.query(q())).entries)).toEqual(['c2', 'c1']);
    expect(log.lines.join('\n')).toMatch(/warn call history: the last line was cut short/);

    // The next call starts on a line of its own, and everything is readable after another restart.
    await store.add(nthCall(4));
    expect(ids((await open().query(q())).entries)).toEqual(['c4', 'c2', 'c1']);
  });

  it('skips a damaged line in the middle and keeps the rest', async () => {
    await addAll(open(), [nthCall(1)]);
    fs.appendFileSync(file(), '{"id":"c2","direction":"inbo\u0000\u0000garbage\n');
    fs.appendFileSync(file(), `${JSON.stringify({ ...nthCall(5), status: 'teleported' })}\n`);
    fs.appendFileSync(file(), `${JSON.stringify(nthCall(3))}\n`);
    const store = open();
    expect(ids((await store.query(q())).entries)).toEqual(['c3', 'c1']);
    expect(log.lines.join('\n')).toMatch(/skipped 2 unreadable line\(s\)/);
  });

  it('skips only lines whose times no call can have, and keeps calls at the very edges of the range', async () => {
    const edges = [
      historyEntry({ id: 'earliest', startedAt: EARLIEST_CALL_TIME_MS, answeredAt: EARLIEST_CALL_TIME_MS, endedAt: EARLIEST_CALL_TIME_MS, durationSec: 0 }),
      historyEntry({ id: 'longest', startedAt: EARLIEST_CALL_TIME_MS, answeredAt: EARLIEST_CALL_TIME_MS, endedAt: LATEST_CALL_TIME_MS, durationSec: MAX_CALL_DURATION_SEC }),
      historyEntry({ id: 'latest', startedAt: LATEST_CALL_TIME_MS, answeredAt: null, endedAt: LATEST_CALL_TIME_MS, durationSec: 0 }),
      // Written by an older Ringdesk with its times out of order (a clock step): still a call.
      historyEntry({ id: 'clock-stepped', startedAt: T0, answeredAt: T0 + 5_000, endedAt: T0 + 1_000, durationSec: 0 }),
    ];
    const impossible = [
      // What the infinite duration of a report from -1e308 to 1e308 became on disk.
      { ...historyEntry({ id: 'infinite' }), startedAt: -1e308, answeredAt: -1e308, endedAt: 1e308, durationSec: null },
      { ...historyEntry({ id: 'far-past' }), startedAt: -1e308 },
      { ...historyEntry({ id: 'far-future' }), endedAt: 1e308 },
      { ...historyEntry({ id: 'before-earliest' }), startedAt: EARLIEST_CALL_TIME_MS - 1 },
      { ...historyEntry({ id: 'after-latest' }), endedAt: LATEST_CALL_TIME_MS + 1 },
      { ...historyEntry({ id: 'fraction' }), answeredAt: T0 + 0.5 },
      { ...historyEntry({ id: 'too-long' }), durationSec: MAX_CALL_DURATION_SEC + 1 },
    ];
    fs.writeFileSync(file(), [...edges, ...impossible, nthCall(1)].map((e) => `${JSON.stringify(e)}\n`).join(''));
    const store = open();
    expect(ids((await store.query(q())).entries).sort()).toEqual(['c1', ...edges.map((e) => e.id)].sort());
    expect((await store.query(q())).entries).toEqual(expect.arrayContaining(edges));
    expect(log.lines.join('\n')).toMatch(/skipped 7 unreadable line\(s\); the other calls are kept/);
  });

  it('does not block start-up: loading begins on first use and every query waits for it', async () => {
    await addAll(open(), [nthCall(1), nthCall(2)]);
    const store = open();
    const [page, name] = await Promise.all([store.query(q({ limit: 1 })), store.lookupName('+15550000001')]);
    expect(page).toEqual({ entries: [nthCall(2)], hasMore: true });
    expect(name).toBe('Customer 1');
  });

  it('files a call that arrives late in its place by start time', async () => {
    const store = open();
    await addAll(store, [nthCall(1), nthCall(3), nthCall(2)]);
    expect(ids((await store.query(q())).entries)).toEqual(['c3', 'c2', 'c1']);
    expect(ids((await open().query(q())).entries)).toEqual(['c3', 'c2', 'c1']);
  });

  it('remembers the most recent name a number called with', async () => {
    const store = open();
    const peer = (displayName: string | null, user = '+15550100') => ({ uri: `sip:${user}@pbx`, user, displayName });
    await store.add(historyEntry({ id: 'a', startedAt: T0, peer: peer('Alice Old') }));
    await store.add(historyEntry({ id: 'b', startedAt: T0 + MINUTE, peer: peer('Alice Example') }));
    await store.add(historyEntry({ id: 'c', startedAt: T0 + 2 * MINUTE, peer: peer(null) }));
    await store.add(historyEntry({ id: 'd', startedAt: T0 - MINUTE, peer: peer('Older Name') }));
    await store.add(historyEntry({ id: 'e', startedAt: T0, peer: peer('Desk', '1003') }));
    expect(await store.lookupName('+15550100')).toBe('Alice Example');
    expect(await store.lookupName('+1 555 0100')).toBe('Alice Example');
    expect(await store.lookupName('1003')).toBe('Desk');
    expect(await store.lookupName('+15559999')).toBeNull();
    expect(await store.lookupName('')).toBeNull();
    expect(await open().lookupName('+15550100')).toBe('Alice Example');
  });

  it('keeps the newest calls only, and rewrites the file once it holds too many lines', async () => {
    const store = open({ keep: 5, slack: 3 });
    await addAll(store, Array.from({ length: 8 }, (_, i) => nthCall(i + 1)));
    expect(ids((await store.query(q())).entries)).toEqual(['c8', 'c7', 'c6', 'c5', 'c4']);
    expect(fs.readFileSync(file(), 'utf8').trimEnd().split('\n')).toHaveLength(8);

    await store.add(nthCall(9));
    expect(fs.readFileSync(file(), 'utf8').trimEnd().split('\n')).toHaveLength(5);
    expect(fs.existsSync(`${file()}.tmp`)).toBe(false);
    expect(ids((await open({ keep: 5, slack: 3 }).query(q())).entries)).toEqual(['c9', 'c8', 'c7', 'c6', 'c5']);
  });

  it('creates the file readable and writable by the agent only (0600), also when it rewrites it', async () => {
    const store = open({ keep: 2, slack: 1 });
    await addAll(store, [nthCall(1)]);
    expectOwnerOnly(file());
    await addAll(store, [nthCall(2), nthCall(3), nthCall(4)]);
    expect(log.lines.join('\n')).toMatch(/file rewritten with the newest 2 call/);
    expectOwnerOnly(file());
  });

  it('removes the temporary file of a rewrite cut short when it loads, and nothing else', async () => {
    await addAll(open(), [nthCall(1)]);
    fs.writeFileSync(`${file()}.tmp`, `${JSON.stringify(nthCall(2))}\n${JSON.stringify(nthCall(3)).slice(0, 20)}`);
    for (const name of ['history.jsonl.tmp-1764061200a1b2c3', 'history.jsonl.bak', 'settings.json.tmp']) fs.writeFileSync(path.join(dir, name), 'keep me');
    expect(ids((await open().query(q())).entries)).toEqual(['c1']);
    expect(fs.readdirSync(dir).sort()).toEqual(['history.jsonl', 'history.jsonl.bak', 'history.jsonl.tmp-1764061200a1b2c3', 'settings.json.tmp']);
  });

  it('writes a flood of calls that end together in a few writes, not one fsync each, every call once and in order', async () => {
    const store = open();
    await store.load();
    const appends = vi.spyOn(fs.promises, 'open');
    const calls = Array.from({ length: 1_200 }, (_, n) => nthCall(n));
    const outcomes = await Promise.all(calls.map(async (call, n) => {
      const outcome = await store.add(call);
      // Resolved only once its own line is on disk (checked for some: reading the file 1,200 times is slow).
      if (n % 150 === 0) expect(fs.readFileSync(file(), 'utf8')).toContain(`"id":"${call.id}"`);
      return outcome;
    }));
    expect(outcomes.every((o) => o === 'added')).toBe(true);
    expect(appends.mock.calls.length).toBeLessThanOrEqual(4);
    expect(fs.readFileSync(file(), 'utf8').trimEnd().split('\n').map((line) => (JSON.parse(line) as HistoryEntry).id)).toEqual(ids(calls));
  });

  it('still lists a call the disk refused, says it was not saved, and carries on', async () => {
    fs.mkdirSync(file()); // a folder where the file should be: every write fails
    const store = open();
    expect(await store.add(nthCall(1))).toBe('not-saved');
    expect(ids((await store.query(q())).entries)).toEqual(['c1']);
    expect(log.lines.join('\n')).toMatch(/error call history could not be read \(EISDIR\)/);
    expect(log.lines.join('\n')).toMatch(/error call history: could not save a call \(EISDIR\)/);
    expect(log.lines.join('\n')).not.toContain('5550000001');
  });
});

describe('call history search and paging', () => {
  let store: HistoryStore;
  beforeEach(async () => {
    store = open();
    await addAll(store, [
      historyEntry({ id: 'a', startedAt: T0, peer: { uri: 'sip:+15550100@pbx.example.com', user: '+15550100', displayName: 'Alice Example' } }),
      historyEntry({ id: 'b', startedAt: T0 + MINUTE, peer: { uri: 'sip:1003@pbx.example.com', user: '1003', displayName: 'José Núñez' } }),
      historyEntry({ id: 'c', startedAt: T0 + 2 * MINUTE, direction: 'outbound', peer: { uri: 'sip:+4930123456@pbx.example.com', user: '+4930123456', displayName: null } }),
      historyEntry({ id: 'd', startedAt: T0 + 3 * MINUTE, status: 'missed', answeredAt: null, durationSec: 0, peer: { uri: 'sip:+15550100@pbx.example.com', user: '+15550100', displayName: 'Alice Smith' } }),
    ]);
  });

  it.each([
    ['a formatted number', '555 0100', ['d', 'a']],
    ['a number in brackets and dashes', '(555) 010-0', ['d', 'a']],
    ['the E.164 number', '+15550100', ['d', 'a']],
    ['a name in any case', 'ALICE', ['d', 'a']],
    ['words in any order', 'smith alice', ['d']],
    ['a name without its accents', 'jose nunez', ['b']],
    ['an extension', '1003', ['b']],
    ['part of the address', 'pbx.example', ['d', 'c', 'b', 'a']],
    ['something nobody called', 'zebra', []],
  ])('finds calls by %s', async (_what, search, expected) => {
    expect(ids((await store.query(q({ search }))).entries)).toEqual(expected);
  });

  it('filters missed, inbound and outbound calls', async () => {
    expect(ids((await store.query(q({ filter: 'missed' }))).entries)).toEqual(['d']);
    expect(ids((await store.query(q({ filter: 'inbound' }))).entries)).toEqual(['d', 'b', 'a']);
    expect(ids((await store.query(q({ filter: 'outbound' }))).entries)).toEqual(['c']);
    expect(ids((await store.query(q({ filter: 'inbound', search: 'alice smith' }))).entries)).toEqual(['d']);
  });

  it('pages with a cursor, including calls that started at the same moment', async () => {
    await store.add(historyEntry({ id: 'e', startedAt: T0 + 3 * MINUTE }));
    const first = await store.query(q({ limit: 2 }));
    expect(first).toMatchObject({ hasMore: true });
    expect(ids(first.entries)).toEqual(['e', 'd']);
    const last = first.entries.at(-1)!;
    const second = await store.query(q({ limit: 2, before: { startedAt: last.startedAt, id: last.id } }));
    expect(ids(second.entries)).toEqual(['c', 'b']);
    const third = await store.query(q({ limit: 2, before: { startedAt: T0 + MINUTE, id: 'b' } }));
    expect(third).toEqual({ entries: [expect.objectContaining({ id: 'a' })], hasMore: false });
  });
});

describe('a history of 100,000 calls', () => {
  const COUNT = 100_000;

  beforeEach(() => {
    // Written directly, as years of appends would have left it.
    const lines: string[] = [];
    for (let n = 0; n < COUNT; n++) lines.push(JSON.stringify(nthCall(n)));
    fs.writeFileSync(file(), `${lines.join('\n')}\n`);
  });

  it('loads and answers filters, searches and pages correctly', async () => {
    const store = open();
    const firstPage = await store.query(q({ limit: 50 }));
    expect(firstPage.hasMore).toBe(true);
    expect(ids(firstPage.entries)).toEqual(Array.from({ length: 50 }, (_, i) => `c${COUNT - 1 - i}`));

    // Walk every missed call page by page: each exactly once, newest first.
    const missed: string[] = [];
    let before: HistoryQueryParams['before'];
    for (;;) {
      const page = await store.query(q({ filter: 'missed', limit: 500, before }));
      missed.push(...ids(page.entries));
      if (!page.hasMore) break;
      const last = page.entries.at(-1)!;
      before = { startedAt: last.startedAt, id: last.id };
    }
    const expected = Array.from({ length: COUNT }, (_, n) => n)
      .filter((n) => n % 14 === 0)
      .reverse()
      .map((n) => `c${n}`);
    expect(missed).toEqual(expected);

    // "+1555 000 4321" was called by c4321, c14321, …, c94321.
    const byNumber = await store.query(q({ search: '555 000 4321', limit: 20 }));
    expect(ids(byNumber.entries)).toEqual([94321, 84321, 74321, 64321, 54321, 44321, 34321, 24321, 14321, 4321].map((n) => `c${n}`));
    const byName = await store.query(q({ search: 'customer 99998', filter: 'inbound' }));
    expect(ids(byName.entries)).toEqual(['c99998']);
    // The newest call from …0003 (c90003) came without a name: the one before it is remembered.
    expect(await store.lookupName('+15550000003')).toBe('Customer 80003');
    expect(await store.lookupName('+15550009998')).toBe('Customer 99998');

    expect(await store.add(nthCall(COUNT))).toBe('added');
    expect(ids((await store.query(q({ limit: 1 }))).entries)).toEqual([`c${COUNT}`]);
  });
});
