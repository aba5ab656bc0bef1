import { describe, expect, it } from 'vitest';
import {
  NO_CALL_NOTIFICATIONS,
  decideCallNotifications,
  type CallNotificationMemory,
  type CallNotificationSettings,
  type CallNotificationStep,
} from '../../../../main/domain/call-notification-policy';
import type { CallSnapshot, CallState } from '../../../../common/schemas/call';
import type { DesktopNotification } from '../../../../main/ports/notifier';
import { callSnapshot, ended } from '../../../fakes/call-snapshots';
import { FakeClock } from '../../../fakes/fake-clock';

const settings: CallNotificationSettings = { notifications: { incomingCall: true, missedCall: true }, bringWindowForward: true, presence: 'available' };
const BOB = { uri: 'sip:+442079460000@pbx.example.com', user: '+442079460000', displayName: null };

/**
 * Feeds reports to the policy the way the service does: remembering each
 * call's last state and the policy's memory, with time from a fake clock.
 */
function desk(s: Partial<CallNotificationSettings> = {}) {
  const clock = new FakeClock();
  const states = new Map<string, CallState>();
  let memory: CallNotificationMemory = NO_CALL_NOTIFICATIONS;
  const steps: CallNotificationStep[] = [];
  /** Notifications on screen, by tag, as the steps leave them. */
  const open = new Map<string, { notification: DesktopNotification; callId?: string }>();
  const report = (call: CallSnapshot, knownName: string | null = null): CallNotificationStep[] => {
    const decision = decideCallNotifications({ previous: states.get(call.id) ?? null, call, settings: { ...settings, ...s }, knownName, now: clock.now(), memory });
    states.set(call.id, call.state);
    memory = decision.memory;
    steps.push(...decision.steps);
    for (const step of decision.steps) {
      if (step.kind === 'close') open.delete(step.tag);
      if (step.kind === 'show-incoming' || step.kind === 'show-missed') open.set(step.notification.tag, step);
    }
    return decision.steps;
  };
  const kinds = (call: CallSnapshot) => report(call).map((step) => step.kind);
  const raises = () => steps.filter((step) => step.kind === 'show-window').length;
  return { clock, report, kinds, raises, open, steps, memory: () => memory };
}

const ring = (id: string, peer = callSnapshot().peer) => callSnapshot({ id, peer });
const giveUp = (call: CallSnapshot) => ended(call, { reason: 'cancelled', by: 'remote' });

describe('call notification policy', () => {
  it('rings once per call, however often the ringing call is reported', () => {
    const d = desk();
    expect(d.kinds(callSnapshot())).toEqual(['show-incoming', 'show-window']);
    expect(d.kinds(callSnapshot({ muted: true }))).toEqual([]);
  });

  it('still withdraws a ringing notification after the agent switched to Do Not Disturb', () => {
    const d = desk();
    d.report(callSnapshot());
    const dnd = decideCallNotifications({ previous: 'incoming', call: giveUp(callSnapshot()), settings: { ...settings, presence: 'dnd' }, knownName: null, now: d.clock.now(), memory: d.memory() });
    expect(dnd.steps.map((step) => step.kind)).toEqual(['close']);
  });

  it('withdraws the ringing notification and shows the missed call when the caller gives up', () => {
    const d = desk();
    d.report(callSnapshot());
    expect(d.kinds(giveUp(callSnapshot()))).toEqual(['close', 'show-missed']);
  });

  it('shows a missed call once: a repeated end changes nothing', () => {
    const d = desk();
    d.report(callSnapshot());
    d.report(giveUp(callSnapshot()));
    expect(d.kinds(giveUp(callSnapshot()))).toEqual([]);
  });

  it('takes the caller’s name from the history when the call has none, and never repeats the number as a name', () => {
    const [withName] = desk().report(callSnapshot({ peer: { uri: 'sip:1003@pbx', user: '1003', displayName: '1003' } }), 'Desk Phone');
    expect(withName).toMatchObject({ notification: { body: 'Desk Phone\n1003' } });
  });
});

describe('a burst of calls', () => {
  it('50 calls in 10 s from one caller: one notification, updated quietly, a few window raises', () => {
    const d = desk();
    for (let i = 1; i <= 50; i++) {
      d.report(ring(`call-${i}`, BOB));
      d.clock.advance(200);
    }
    expect(d.raises()).toBe(1);
    expect([...d.open.keys()]).toEqual(['incoming-call:call-1']);
    const latest = d.open.get('incoming-call:call-1')!;
    expect(latest).toMatchObject({ callId: 'call-50', notification: { title: '50 calls from +442079460000', body: '+442079460000', quiet: true } });
    expect(latest.notification.actions?.map((a) => a.id)).toEqual(['answer', 'decline']);
    // Only the first one made a sound.
    expect(d.steps.filter((s) => s.kind === 'show-incoming' && !s.notification.quiet)).toHaveLength(1);
  });

  it('when the callers give up, their missed calls are one notification too, and the ringing one goes away', () => {
    const d = desk();
    const calls = [1, 2, 3, 4, 5].map((i) => ring(`call-${i}`, BOB));
    for (const call of calls) d.report(call);
    d.clock.advance(1_000);
    for (const call of calls) {
      d.report(giveUp(call));
      d.clock.advance(300);
    }
    expect([...d.open.values()].map((s) => s.notification.title)).toEqual(['5 missed calls from +442079460000']);
    expect(d.steps.filter((s) => s.kind === 'show-missed' && !s.notification.quiet)).toHaveLength(1);
  });

  it('a call of the burst that rings on long after the others were missed still joins their missed-calls notification', () => {
    const d = desk();
    const [first, late] = [ring('call-1', BOB), ring('call-2', BOB)];
    d.report(first);
    d.report(late);
    d.clock.advance(1_000);
    d.report(giveUp(first));
    // The second caller holds on well past the 5 s gap before giving up.
    d.clock.advance(20_000);
    d.report(giveUp(late));
    expect([...d.open.values()].map((s) => s.notification.title)).toEqual(['2 missed calls from +442079460000']);
  });

  it('the buttons always act on a call that still rings: the newest one, or the one before when it stops', () => {
    const d = desk();
    const [first, second] = [ring('call-1', BOB), ring('call-2', BOB)];
    d.report(first);
    d.report(second);
    expect(d.open.get('incoming-call:call-1')?.callId).toBe('call-2');
    d.report(giveUp(second));
    expect(d.open.get('incoming-call:call-1')).toMatchObject({ callId: 'call-1', notification: { title: '2 calls from +442079460000' } });
    d.report(giveUp(first));
    expect(d.open.has('incoming-call:call-1')).toBe(false);
  });

  it('two callers: two groups', () => {
    const d = desk();
    for (let i = 1; i <= 6; i++) {
      d.report(ring(`call-${i}`, i % 2 ? BOB : callSnapshot().peer));
      d.clock.advance(500);
    }
    expect([...d.open.values()].map((s) => s.notification.title).sort()).toEqual(['3 calls from +442079460000', '3 calls from Alice Example']);
    expect(d.raises()).toBe(1);
  });

  it('after a quiet gap a call starts afresh: its own notification, with a sound, and the window comes forward again', () => {
    const d = desk();
    const first = ring('call-1', BOB);
    d.report(first);
    d.report(giveUp(first));
    d.clock.advance(6_000);
    expect(d.kinds(ring('call-2', BOB))).toEqual(['show-incoming', 'show-window']);
    expect(d.open.get('incoming-call:call-2')?.notification).toMatchObject({ title: 'Incoming call', quiet: false });
    expect(d.raises()).toBe(2);
    d.report(giveUp(ring('call-2', BOB)));
    expect(d.open.get('missed-call:call-2')?.notification.title).toBe('Missed call from +442079460000');
  });

  it('a flood that goes on brings the window forward once for one caller, and at most once per 5 s for many', () => {
    const oneCaller = desk();
    const manyCallers = desk();
    // 30 s of calls, each ringing on
    for (let i = 1; i <= 300; i++) {
      oneCaller.report(ring(`call-${i}`, BOB));
      manyCallers.report(ring(`call-${i}`, { uri: `sip:${1000 + i}@pbx`, user: String(1000 + i), displayName: null }));
      oneCaller.clock.advance(100);
      manyCallers.clock.advance(100);
    }
    expect(oneCaller.raises()).toBe(1);
    expect(manyCallers.raises()).toBe(6);
  });

  it('with ringing notifications off, the window is still brought forward, just not for every call', () => {
    const d = desk({ notifications: { incomingCall: false, missedCall: true } });
    for (let i = 1; i <= 10; i++) d.report(ring(`call-${i}`, BOB));
    expect(d.open.size).toBe(0);
    expect(d.raises()).toBe(1);
  });

  it('forgets bursts that are over, so a long day does not pile up memory', () => {
    const d = desk();
    for (let i = 1; i <= 100; i++) {
      const call = ring(`call-${i}`, { uri: `sip:${1000 + i}@pbx`, user: String(1000 + i), displayName: null });
      d.report(call);
      d.report(giveUp(call));
      d.clock.advance(1_000);
    }
    expect(d.memory().ringing.length + d.memory().missed.length).toBeLessThanOrEqual(12);
  });
});
