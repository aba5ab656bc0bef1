import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { afterAll, it } from 'vitest';
import type { HistoryStore } from '../main/ports/history-store';
import { createFileHistoryStore, HISTORY_FILE_NAME } from '../main/services/call-history/file-history-store';
import { historyQuerySchema, type HistoryQuery } from '../common/schemas/history';
import { historyEntryNumber as entry } from './history-fixture';
import { median } from './stats';

/**
 * Call history with 100,000 entries: how long opening it, the first page
 * (what the History tab renders first), searches and appending a call take.
 * Prints medians; asserts nothing about time. `npm run bench:history`.
 */

const ENTRIES = 100_000;
const RUNS = 7;
const QUERY_RUNS = 25;
const APPENDS = 50;

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ringdesk-bench-history-'));
const silent = { info: () => undefined, warn: () => undefined, error: (m: string) => console.error(m) };
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));


async function time(fn: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}

/** Heap growth while `make`'s result is alive (needs --expose-gc; 0 without it). */
async function heapOf(make: () => Promise<unknown>): Promise<number> {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) return 0;
  gc();
  const before = process.memoryUsage().heapUsed;
  const held = await make();
  gc();
  const after = process.memoryUsage().heapUsed;
  return held ? after - before : 0;
}

const q = (query: HistoryQuery) => historyQuerySchema.parse(query);
const rows: Array<[string, string]> = [];
const report = (what: string, ms: number[] | number, note = '') =>
  rows.push([what, `${(Array.isArray(ms) ? median(ms) : ms).toFixed(2).padStart(9)} ms${note ? `   ${note}` : ''}`]);

it('call history with 100,000 entries', async () => {
  const lines: string[] = [];
  for (let n = 0; n < ENTRIES; n++) lines.push(JSON.stringify(entry(n)));
  const file = path.join(dir, HISTORY_FILE_NAME);
  fs.writeFileSync(file, `${lines.join('\n')}\n`);
  const size = fs.statSync(file).size;

  // Before anything else runs, so no other store is loading in the background.
  const heap = await heapOf(async () => {
    const held = createFileHistoryStore({ dir, log: silent });
    await held.lookupName('+15550000000'); // loaded and prepared
    return held;
  });

  // Open: from nothing to queryable (read, parse, check, index).
  const opens: number[] = [];
  const stalls: number[] = [];
  const coldFirstPage: number[] = [];
  let store: HistoryStore | undefined;
  for (let r = 0; r < RUNS; r++) {
    const candidate = createFileHistoryStore({ dir, log: silent });
    const loop = monitorEventLoopDelay({ resolution: 1 });
    loop.enable();
    opens.push(await time(() => candidate.load()));
    loop.disable();
    stalls.push(loop.max / 1e6);
    const fresh = createFileHistoryStore({ dir, log: silent });
    coldFirstPage.push(await time(() => fresh.query(q({ limit: 100 }))));
    // Let both finish their background preparation, so runs do not overlap.
    await Promise.all([candidate.lookupName(''), fresh.lookupName('')]);
    store = candidate;
  }
  report('open (load 100,000 entries)', opens);
  report('longest event-loop stall while opening', stalls);
  report('app start → first page (open + 100 newest)', coldFirstPage);

  const s = store!;
  const measure = async (what: string, query: HistoryQuery) => {
    const times: number[] = [];
    let found = 0;
    for (let r = 0; r < QUERY_RUNS; r++) times.push(await time(async () => (found = (await s.query(q(query))).entries.length)));
    report(what, times, `${found} shown`);
  };
  await measure('first page (100 newest)', { limit: 100 });
  await measure('first page of missed calls', { filter: 'missed', limit: 100 });
  await measure('search a number "555 001 2345"', { search: '555 001 2345' });
  await measure('search a partial number "0012"', { search: '0012' });
  await measure('search a name "chloe garcia"', { search: 'chloe garcia' });
  await measure('search with no match (full scan)', { search: 'zebra' });
  const deep = await s.query(q({ limit: 500, before: { startedAt: entry(50_000).startedAt, id: entry(50_000).id } }));
  await measure('a page in the middle (cursor)', { limit: 100, before: { startedAt: deep.entries.at(-1)!.startedAt, id: deep.entries.at(-1)!.id } });
  const lookups: number[] = [];
  for (let r = 0; r < QUERY_RUNS; r++) lookups.push(await time(() => s.lookupName(entry(r).peer.user)));
  report('caller name lookup', lookups);

  const appends: number[] = [];
  for (let r = 0; r < APPENDS; r++) appends.push(await time(() => s.add(entry(ENTRIES + r))));
  report('append one call (write + fsync)', appends);
  rows.push(['memory held by the loaded history', `${(heap / 1e6).toFixed(0).padStart(9)} MB   (heap, after GC)`]);

  console.log(
    [
      '',
      `Call history benchmark — ${ENTRIES.toLocaleString('en')} entries, ${(size / 1e6).toFixed(1)} MB history.jsonl`,
      `Node ${process.version}, ${os.cpus()[0]?.model ?? 'unknown CPU'} (${os.cpus().length} cores), ${os.platform()} ${os.release()}`,
      `Medians: open ×${RUNS}, queries ×${QUERY_RUNS}, appends ×${APPENDS}; temp dir ${os.tmpdir()}`,
      '',
      ...rows.map(([what, value]) => `  ${what.padEnd(46)} ${value}`),
      '',
    ].join('\n'),
  );
});
