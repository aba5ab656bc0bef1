import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { events } from '../../../../preload/contract';
import type { CallAction, CallSnapshot } from '../../../../common/schemas/call';
import type { HistoryEntry } from '../../../../common/schemas/history';
import { callSnapshot, ended } from '../../../fakes/call-snapshots';
import { FakeClock } from '../../../fakes/fake-clock';
import { createTestRingdesk } from '../../../fakes/test-ringdesk';

const own = { webContentsId: 1, frameUrl: 'ringdesk://app/index.html', isMainFrame: true };
const INCOMING_TAG = 'incoming-call:call-1';

let dir: string;

async function start() {
  const clock = new FakeClock();
  const t = await createTestRingdesk({ dir, clock });
  const actions: CallAction[] = [];
  const added: HistoryEntry[] = [];
  t.ringdesk.attachRenderer((channel, payload) => {
    if (channel === events.callAction.channel) actions.push(payload as CallAction);
    if (channel === events.historyAdded.channel) added.push(payload as HistoryEntry);
  });
  const report = (call: CallSnapshot) => t.ringdesk.handlers.calls.report(call, own);
  const history = (filter: 'all' | 'missed' = 'all') => t.ringdesk.handlers.history.query({ filter, search: '', limit: 100 }, own);
  return { ...t, clock, actions, added, report, history, notifier: t.shell.notifier };
}

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ringdesk-calls-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('ringing an agent', () => {
  it('shows "Incoming call" with the caller and Answer / Decline, and brings the window forward', async () => {
    const t = await start();
    await t.report(callSnapshot());
    expect(t.notifier.open.get(INCOMING_TAG)?.notification).toMatchObject({
      title: 'Incoming call',
      body: 'Alice Example\n+15550100',
      actions: [
        { id: 'answer', label: 'Answer' },
        { id: 'decline', label: 'Decline' },
      ],
    });
    expect(t.shell.windowShown).toBe(1);
  });

  it('names a caller whose call carries no name from an earlier call in the history', async () => {
    const t = await start();
    const earlier = callSnapshot({ id: 'earlier', direction: 'outbound', state: 'dialing' });
    await t.report(ended({ ...earlier, answeredAt: earlier.startedAt + 3_000 }, { reason: 'hangup', by: 'local' }));
    await t.report(callSnapshot({ startedAt: earlier.startedAt + 60_000, peer: { uri: 'sip:+15550100@pbx.example.com', user: '+15550100', displayName: null } }));
    expect(t.notifier.open.get(INCOMING_TAG)?.notification.body).toBe('Alice Example\n+15550100');
  });

  it('shows the number alone for a caller nobody knows', async () => {
    const t = await start();
    await t.report(callSnapshot({ peer: { uri: 'sip:+4930123456@pbx.example.com', user: '+4930123456', displayName: '  ' } }));
    expect(t.notifier.open.get(INCOMING_TAG)?.notification.body).toBe('+4930123456');
  });

  it('keeps remote-controlled caller names to one plain line', async () => {
    const t = await start();
    await t.report(callSnapshot({ peer: { uri: 'sip:1003@pbx', user: '1003', displayName: 'Bank\n\u202eSupport\u0007' } }));
    expect(t.notifier.open.get(INCOMING_TAG)?.notification.body).toBe('Bank Support\n1003');
  });

  it('answers from the notification: the engine is told to answer and the window comes forward', async () => {
    const t = await start();
    await t.report(callSnapshot());
    const shownBefore = t.shell.windowShown;
    t.notifier.act(INCOMING_TAG, 'answer');
    expect(t.actions).toEqual([{ callId: 'call-1', action: 'answer' }]);
    expect(t.shell.windowShown).toBe(shownBefore + 1);
  });

  it('declines from the notification', async () => {
    const t = await start();
    await t.report(callSnapshot());
    t.notifier.act(INCOMING_TAG, 'decline');
    expect(t.actions).toEqual([{ callId: 'call-1', action: 'decline' }]);
  });

  it('opens the window when the agent clicks the notification', async () => {
    const t = await start();
    await t.report(callSnapshot());
    t.notifier.click(INCOMING_TAG);
    expect(t.shell.windowShown).toBe(2);
  });

  it.each([
    ['the agent answers', { state: 'connecting' as const }],
    ['the call is answered on another device', { state: 'ended' as const, end: { reason: 'answered-elsewhere' as const, by: 'remote' as const } }],
    ['the caller gives up', { state: 'ended' as const, end: { reason: 'cancelled' as const, by: 'remote' as const } }],
    ['the agent declines', { state: 'ended' as const, end: { reason: 'declined' as const, by: 'local' as const } }],
  ])('withdraws the ringing notification at once when %s', async (_when, change) => {
    const t = await start();
    await t.report(callSnapshot());
    await t.report(callSnapshot({ ...change, endedAt: change.state === 'ended' ? Date.UTC(2026, 10, 25, 9, 0, 20) : null }));
    expect(t.notifier.closed).toContain(INCOMING_TAG);
    expect(t.notifier.open.has(INCOMING_TAG)).toBe(false);
  });

  it('withdraws the ringing notification when the window reloads or crashes (its buttons would do nothing)', async () => {
    const t = await start();
    await t.report(callSnapshot());
    t.ringdesk.rendererGone();
    expect(t.notifier.open.has(INCOMING_TAG)).toBe(false);
  });

  it('calls cut off by a window crash still reach the history: one that was ringing as missed, an answered one as answered', async () => {
    const t = await start();
    await t.report(callSnapshot());
    await t.report(callSnapshot({ id: 'call-2', direction: 'outbound', state: 'active', answeredAt: Date.UTC(2026, 10, 25, 9, 0, 5) }));
    t.ringdesk.rendererGone();
    await expect.poll(async () => (await t.history()).entries.map((e) => [e.id, e.status])).toEqual(
      expect.arrayContaining([
        ['call-1', 'missed'],
        ['call-2', 'answered'],
      ]),
    );
    expect(t.notifier.shown.map((n) => n.title)).toContain('Missed call from Alice Example');
  });

  it('a burst of calls from one caller rings as one notification whose Answer takes the newest call, and brings the window forward once', async () => {
    const t = await start();
    for (let i = 1; i <= 20; i++) {
      await t.report(callSnapshot({ id: `call-${i}` }));
      t.clock.advance(100);
    }
    expect([...t.notifier.open.values()].map((n) => n.notification.title)).toEqual(['20 calls from Alice Example']);
    expect(t.shell.windowShown).toBe(1);
    t.notifier.act(INCOMING_TAG, 'answer');
    expect(t.actions).toEqual([{ callId: 'call-20', action: 'answer' }]);
  });

  it('a window crash during a burst withdraws its ringing notification and leaves one missed-calls notification', async () => {
    const t = await start();
    for (let i = 1; i <= 5; i++) await t.report(callSnapshot({ id: `call-${i}` }));
    t.ringdesk.rendererGone();
    await expect.poll(async () => (await t.history('missed')).entries.length).toBe(5);
    expect([...t.notifier.open.values()].map((n) => n.notification.title)).toEqual(['5 missed calls from Alice Example']);
  });

  it('shows nothing for the agent’s own outgoing calls', async () => {
    const t = await start();
    const call = callSnapshot({ direction: 'outbound', state: 'dialing' });
    await t.report(call);
    await t.report({ ...call, state: 'ringing' });
    await t.report(ended(call, { reason: 'no-answer', by: 'remote', statusCode: 408 }));
    expect(t.notifier.shown).toEqual([]);
    expect(t.shell.windowShown).toBe(0);
  });
});

describe('missed calls', () => {
  it('a caller who gives up while it rings leaves a missed-call notification and a missed call in the history', async () => {
    const t = await start();
    const call = callSnapshot();
    await t.report(call);
    await t.report(ended(call, { reason: 'cancelled', by: 'remote', statusCode: 487 }));
    const missed = t.notifier.open.get('missed-call:call-1');
    expect(missed?.notification).toMatchObject({ title: 'Missed call from Alice Example', body: '+15550100' });
    t.notifier.click('missed-call:call-1');
    expect(t.shell.windowShown).toBe(2);

    const page = await t.history('missed');
    expect(page.entries).toEqual([expect.objectContaining({ id: 'call-1', status: 'missed', durationSec: 0 })]);
    expect(t.added).toEqual(page.entries);
  });

  it.each([
    ['answered', { answeredAt: Date.UTC(2026, 10, 25, 9, 0, 5) }, { reason: 'hangup' as const, by: 'remote' as const }],
    ['declined by the agent', {}, { reason: 'declined' as const, by: 'local' as const }],
    ['answered on another device', {}, { reason: 'answered-elsewhere' as const, by: 'remote' as const }],
  ])('a call %s is not a missed call', async (_how, change, end) => {
    const t = await start();
    const call = callSnapshot(change);
    await t.report(call);
    await t.report(ended(call, end));
    expect(t.notifier.shown.map((n) => n.title)).toEqual(['Incoming call']);
  });

  it('notifies a missed call even if main never heard it ring', async () => {
    const t = await start();
    await t.report(ended(callSnapshot(), { reason: 'no-answer', by: 'system' }));
    expect(t.notifier.shown.map((n) => n.title)).toEqual(['Missed call from Alice Example']);
  });
});

describe('notification settings', () => {
  it('shows no ringing notification when the agent turned it off, but still the missed call', async () => {
    const t = await start();
    await t.ringdesk.handlers.preferences.update({ notifications: { incomingCall: false, missedCall: true } }, own);
    const call = callSnapshot();
    await t.report(call);
    await t.report(ended(call, { reason: 'cancelled', by: 'remote' }));
    expect(t.notifier.shown.map((n) => n.title)).toEqual(['Missed call from Alice Example']);
  });

  it('shows no missed-call notification when the agent turned it off', async () => {
    const t = await start();
    await t.ringdesk.handlers.preferences.update({ notifications: { incomingCall: true, missedCall: false } }, own);
    const call = callSnapshot();
    await t.report(call);
    await t.report(ended(call, { reason: 'cancelled', by: 'remote' }));
    expect(t.notifier.shown.map((n) => n.title)).toEqual(['Incoming call']);
    expect((await t.history('missed')).entries).toHaveLength(1);
  });

  it('shows nothing and leaves the window alone under Do Not Disturb', async () => {
    const t = await start();
    await t.ringdesk.handlers.presence.set('dnd', own);
    const call = callSnapshot();
    await t.report(call);
    await t.report(ended(call, { reason: 'cancelled', by: 'remote' }));
    expect(t.notifier.shown).toEqual([]);
    expect(t.shell.windowShown).toBe(0);
  });

  it('does not bring the window forward when the agent turned that off', async () => {
    const t = await start();
    await t.ringdesk.handlers.preferences.update({ bringWindowForward: false }, own);
    await t.report(callSnapshot());
    expect(t.notifier.open.has(INCOMING_TAG)).toBe(true);
    expect(t.shell.windowShown).toBe(0);
  });
});

describe('call history', () => {
  it('writes a call once, even if its end is reported twice', async () => {
    const t = await start();
    const call = callSnapshot({ answeredAt: Date.UTC(2026, 10, 25, 9, 0, 5) });
    await t.report(call);
    const end = ended(call, { reason: 'hangup', by: 'remote' }, Date.UTC(2026, 10, 25, 9, 2, 5));
    await Promise.all([t.report(end), t.report(end)]);
    await t.report(end);
    expect((await t.history()).entries).toEqual([expect.objectContaining({ id: 'call-1', status: 'answered', durationSec: 120 })]);
    expect(t.added).toHaveLength(1);
    expect(fs.readFileSync(path.join(dir, 'history.jsonl'), 'utf8').trimEnd().split('\n')).toHaveLength(1);
  });

  it('keeps the history across a restart of the app', async () => {
    const first = await start();
    await first.report(ended(callSnapshot({ direction: 'outbound', state: 'dialing' }), { reason: 'busy', by: 'remote', statusCode: 486 }));
    await first.ringdesk.shutdown();
    const second = await start();
    expect((await second.history()).entries).toEqual([expect.objectContaining({ id: 'call-1', direction: 'outbound', status: 'busy' })]);
  });

  it('tells the agent when the disk refuses the history, and still lists the call', async () => {
    fs.mkdirSync(path.join(dir, 'history.jsonl'));
    const t = await start();
    await t.report(ended(callSnapshot(), { reason: 'cancelled', by: 'remote' }));
    expect((await t.history()).entries).toHaveLength(1);
    expect((await t.ringdesk.snapshot()).notices).toContainEqual(expect.objectContaining({ id: 'history-not-saved', tone: 'error' }));
  });
});
