import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { IpcSender } from '../../../../main/ipc/ipc-registry';
import { registerHandlers } from '../../../../main/ipc/register-handlers';
import type { Clock } from '../../../../main/ports/clock';
import { createSenderTrust } from '../../../../main/security/sender-trust';
import { events, contract } from '../../../../preload/contract';
import { EARLIEST_CALL_TIME_MS, LATEST_CALL_TIME_MS, MAX_CALL_DURATION_SEC, type CallSnapshot } from '../../../../common/schemas/call';
import type { HistoryEntry, HistoryPage } from '../../../../common/schemas/history';
import { callSnapshot } from '../../../fakes/call-snapshots';
import { FakeClock } from '../../../fakes/fake-clock';
import { MemoryIpc } from '../../../fakes/memory-ipc';
import { createTestRingdesk } from '../../../fakes/test-ringdesk';

/*
 * Call reports cross from the renderer (remote-influenced: a SIP engine) to
 * main, which turns the ended ones into history lines on disk. Whatever the
 * IPC accepts must be readable again from the file after a restart; what it
 * cannot store faithfully it refuses, writing nothing.
 */

const APP = 'ringdesk://app';
const own: IpcSender = { webContentsId: 1, frameUrl: `${APP}/index.html`, isMainFrame: true };
const HOUR = 3_600_000;

let dir: string;

async function startApp(clock?: Clock) {
  const t = await createTestRingdesk({ dir, clock });
  const ipc = new MemoryIpc();
  registerHandlers({ registry: ipc, handlers: t.ringdesk.handlers, isTrustedSender: createSenderTrust(APP, () => 1), log: t.log });
  const added: HistoryEntry[] = [];
  t.ringdesk.attachRenderer((channel, payload) => {
    if (channel === events.historyAdded.channel) added.push(payload as HistoryEntry);
  });
  return {
    ...t,
    added,
    report: (call: unknown) => ipc.invoke(own, contract.calls.report.channel, call),
    history: async () => ((await ipc.invoke(own, contract.history.query.channel, { limit: 500 })) as { ok: true; value: HistoryPage }).value.entries,
  };
}

/** An inbound call that was answered and hung up, with these times. */
function endedCall(id: string, times: { startedAt: unknown; answeredAt?: unknown; endedAt?: unknown }): Record<string, unknown> {
  return {
    ...callSnapshot({ id, state: 'ended', end: { reason: 'hangup', by: 'remote' } }),
    answeredAt: null,
    endedAt: null,
    ...times,
  };
}

const historyFile = () => path.join(dir, 'history.jsonl');

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ringdesk-call-report-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Times no real call has: each report must be refused. */
const impossible: Array<[string, { startedAt: unknown; answeredAt?: unknown; endedAt?: unknown }]> = [
  ['started at -1e308 and ended at 1e308', { startedAt: -1e308, answeredAt: -1e308, endedAt: 1e308 }],
  ['ended at 1e308', { startedAt: EARLIEST_CALL_TIME_MS, endedAt: 1e308 }],
  ['started at NaN', { startedAt: Number.NaN, endedAt: EARLIEST_CALL_TIME_MS }],
  ['answered at NaN', { startedAt: EARLIEST_CALL_TIME_MS, answeredAt: Number.NaN, endedAt: EARLIEST_CALL_TIME_MS }],
  ['ended at Infinity', { startedAt: EARLIEST_CALL_TIME_MS, endedAt: Infinity }],
  ['answered at -Infinity', { startedAt: EARLIEST_CALL_TIME_MS, answeredAt: -Infinity, endedAt: EARLIEST_CALL_TIME_MS }],
  ['times as strings', { startedAt: String(EARLIEST_CALL_TIME_MS), endedAt: String(EARLIEST_CALL_TIME_MS) }],
  ['a fraction of a millisecond', { startedAt: EARLIEST_CALL_TIME_MS + 0.5, endedAt: EARLIEST_CALL_TIME_MS + 1 }],
  ['a time beyond exact integers', { startedAt: Number.MAX_SAFE_INTEGER + 2, endedAt: Number.MAX_SAFE_INTEGER + 2 }],
  ['a start in 1970', { startedAt: 0, endedAt: 1_000 }],
  ['a start just before the earliest time', { startedAt: EARLIEST_CALL_TIME_MS - 1, endedAt: EARLIEST_CALL_TIME_MS }],
  ['an end just after the latest time', { startedAt: LATEST_CALL_TIME_MS, endedAt: LATEST_CALL_TIME_MS + 1 }],
  ['an answer before the start', { startedAt: EARLIEST_CALL_TIME_MS + HOUR, answeredAt: EARLIEST_CALL_TIME_MS, endedAt: EARLIEST_CALL_TIME_MS + 2 * HOUR }],
  ['an end before the answer', { startedAt: EARLIEST_CALL_TIME_MS, answeredAt: EARLIEST_CALL_TIME_MS + HOUR, endedAt: EARLIEST_CALL_TIME_MS + 1 }],
  ['an end before the start', { startedAt: EARLIEST_CALL_TIME_MS + HOUR, endedAt: EARLIEST_CALL_TIME_MS }],
];

/** The extremes a real call may have: each report must be accepted. */
const extremeButPossible: Array<[string, { startedAt: number; answeredAt?: number | null; endedAt?: number | null }]> = [
  ['the longest call there can be', { startedAt: EARLIEST_CALL_TIME_MS, answeredAt: EARLIEST_CALL_TIME_MS, endedAt: LATEST_CALL_TIME_MS }],
  ['a call started, answered and ended in the same millisecond', { startedAt: EARLIEST_CALL_TIME_MS, answeredAt: EARLIEST_CALL_TIME_MS, endedAt: EARLIEST_CALL_TIME_MS }],
  ['an unanswered call at the latest time', { startedAt: LATEST_CALL_TIME_MS, endedAt: LATEST_CALL_TIME_MS }],
  ['an ended call reported without an end time, started at the latest time', { startedAt: LATEST_CALL_TIME_MS, answeredAt: LATEST_CALL_TIME_MS, endedAt: null }],
  ['an ended call without an end time, answered later than main’s clock', { startedAt: LATEST_CALL_TIME_MS - HOUR, answeredAt: LATEST_CALL_TIME_MS, endedAt: null }],
];

describe('call reports with impossible times', () => {
  it.each(impossible)('refuses a report %s with a typed error, and nothing reaches the history', async (_what, times) => {
    const t = await startApp();
    const result = await t.report(endedCall('bad', times));
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-input', fields: expect.any(Object) } });
    expect(await t.history()).toEqual([]);
    expect(t.added).toEqual([]);
    expect(fs.existsSync(historyFile())).toBe(false);
    expect(t.shell.notifier.shown).toEqual([]);
  });
});

describe('a call report that was accepted', () => {
  it.each(extremeButPossible)('is in the history again after a restart: %s', async (_what, times) => {
    const first = await startApp();
    expect(await first.report(endedCall('edge', times))).toEqual({ ok: true, value: null });
    expect(first.added).toHaveLength(1);
    const entry = first.added[0]!;
    expect(entry.durationSec).toBeLessThanOrEqual(MAX_CALL_DURATION_SEC);
    await first.ringdesk.shutdown();

    const second = await startApp();
    expect(await second.history()).toEqual([entry]);
    expect(second.log.lines.join('\n')).not.toMatch(/unreadable|cut short/);
  });

  it('is either refused or readable after a restart, for every report above', async () => {
    const first = await startApp();
    const accepted: string[] = [];
    const cases = [...impossible, ...extremeButPossible];
    for (const [i, [, times]] of cases.entries()) {
      const result = (await first.report(endedCall(`call-${i}`, times))) as { ok: boolean };
      if (result.ok) accepted.push(`call-${i}`);
    }
    await first.ringdesk.shutdown();
    const second = await startApp();
    expect((await second.history()).map((e) => e.id).sort()).toEqual(accepted.sort());
    expect(await second.history()).toEqual(expect.arrayContaining(first.added));
  });

  it('is readable after a restart when the window crashed mid-call and main’s clock is past the latest time', async () => {
    const first = await startApp(new FakeClock(LATEST_CALL_TIME_MS + 24 * HOUR));
    const live: CallSnapshot = callSnapshot({ id: 'live', state: 'active', startedAt: LATEST_CALL_TIME_MS - HOUR, answeredAt: LATEST_CALL_TIME_MS - HOUR });
    expect(await first.report(live)).toEqual({ ok: true, value: null });
    first.ringdesk.rendererGone();
    await expect.poll(() => first.added.length).toBe(1);
    await first.ringdesk.shutdown();

    const second = await startApp();
    expect(await second.history()).toEqual([expect.objectContaining({ id: 'live', endedAt: LATEST_CALL_TIME_MS, durationSec: HOUR / 1000 })]);
  });
});
