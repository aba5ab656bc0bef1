import { afterEach, describe, expect, it, vi } from 'vitest';
import { contract, events } from '../../../../preload/contract';
import { OUTCOME_DISPLAY_MS } from '../../../../renderer/domain/call-outcome-text';
import { createRingdeskStore } from '../../../../renderer/store/ringdesk-store';
import { aCall, aHistoryEntry, answered, aSnapshot, ended, somePreferences } from '../../../fakes/app-snapshots';
import { createFakeRingdeskApi } from '../../../fakes/fake-ringdesk-api';
import { createFakeTelephony } from '../../../fakes/fake-telephony';
import { createFakeAudioHardware } from '../fake-audio-hardware';
import { withRelay } from '../with-relay';

afterEach(() => {
  vi.useRealTimers();
});

async function storeWithCalls(snapshot = aSnapshot()) {
  const desktop = createFakeRingdeskApi();
  const telephony = createFakeTelephony();
  desktop.answerOk(contract.app.getSnapshot, snapshot);
  desktop.answerOk(contract.calls.report, null);
  desktop.answerOk(contract.history.query, { entries: [], hasMore: false });
  const store = createRingdeskStore({ desktop: desktop.api, ...withRelay(desktop.api, telephony), audio: createFakeAudioHardware() });
  await store.getState().load();
  const stop = store.getState().followCalls();
  return { desktop, telephony, store, stop, state: () => store.getState() };
}

describe('calls: mirroring the engine', () => {
  it('shows the calls the engine reports, and reports each change to main once', async () => {
    const { desktop, telephony, state } = await storeWithCalls();
    const call = aCall();
    telephony.pushCall(call);
    telephony.pushCall(call); // nothing changed
    telephony.pushCall(answered(call));
    expect(state().calls.list).toEqual([answered(call)]);
    expect(desktop.callsTo(contract.calls.report).map((c) => c.state)).toEqual(['incoming', 'active']);
  });

  it('reports an ended call once, shows its outcome for a few seconds, then drops it', async () => {
    vi.useFakeTimers();
    const { desktop, telephony, state } = await storeWithCalls();
    const call = aCall();
    telephony.pushCall(call);
    telephony.pushCall(ended(call, 'cancelled'));
    telephony.pushCalls([ended(call, 'cancelled')]); // a stray repeat
    expect(state().calls.list.map((c) => c.state)).toEqual(['ended']);
    expect(desktop.callsTo(contract.calls.report).map((c) => c.state)).toEqual(['incoming', 'ended']);

    vi.advanceTimersByTime(OUTCOME_DISPLAY_MS);
    expect(state().calls.list).toEqual([]);
  });

  it('ends a call the engine dropped without ending it, so no stale call stays on screen', async () => {
    const { desktop, telephony, state } = await storeWithCalls();
    telephony.pushCall(answered(aCall()));
    telephony.pushCalls([]);
    expect(state().calls.list[0]).toMatchObject({ state: 'ended', end: { reason: 'failed', by: 'system' } });
    expect(desktop.callsTo(contract.calls.report).at(-1)).toMatchObject({ state: 'ended' });
  });

  it('keeps the microphone guidance on screen when a call fails for want of a microphone', async () => {
    const { telephony, state } = await storeWithCalls();
    telephony.pushCall(aCall({ direction: 'outbound', state: 'dialing' }));
    telephony.pushCall(ended(aCall({ direction: 'outbound', state: 'dialing' }), 'microphone', 'system'));
    expect(state().ui.localNotices.map((n) => n.message)).toEqual([expect.stringMatching(/needs the microphone for calls/)]);
  });

  it('answers and declines when the agent acts on the notification', async () => {
    const { desktop, telephony } = await storeWithCalls();
    telephony.pushCall(aCall({ id: 'one' }));
    desktop.push(events.callAction, { callId: 'one', action: 'answer' });
    desktop.push(events.callAction, { callId: 'two', action: 'decline' });
    expect(telephony.operations).toEqual([
      { op: 'answer', callId: 'one' },
      { op: 'decline', callId: 'two', response: undefined },
    ]);
  });

  it('stops following the calls and main when told to', async () => {
    const { desktop, telephony, stop, state } = await storeWithCalls();
    stop();
    telephony.pushCall(aCall());
    expect(state().calls.list).toEqual([]);
    expect(desktop.listenerCount(events.callAction)).toBe(0);
  });
});

describe('calls: dialling', () => {
  it('dials an extension at the agent’s server and a number in E.164', async () => {
    const { telephony, state } = await storeWithCalls();
    expect(state().dial('1002')).toEqual({ ok: true, callId: 'call-1' });
    state().dial('(202) 555-0199');
    expect(telephony.opsOf('dial').map((d) => d.targetUri)).toEqual(['sip:1002@pbx.example.com', 'sip:+12025550199@pbx.example.com']);
  });

  it('uses the default country from the preferences', async () => {
    const { telephony, state } = await storeWithCalls(aSnapshot({ preferences: somePreferences({ defaultCountry: 'GB' }) }));
    state().dial('020 7946 0958');
    expect(telephony.opsOf('dial')[0]?.targetUri).toBe('sip:+442079460958@pbx.example.com');
  });

  it('refuses invalid input with the reason and dials nothing', async () => {
    const { telephony, state } = await storeWithCalls();
    expect(state().dial('555 0100')).toEqual({ ok: false, message: 'This number is too short for US' });
    expect(telephony.operations).toEqual([]);
  });

  it('holds the call the agent is on before dialling another', async () => {
    const { telephony, state } = await storeWithCalls();
    telephony.pushCall(answered(aCall({ id: 'talking' })));
    state().dial('1003');
    expect(telephony.operations.map((o) => o.op)).toEqual(['setHeld', 'dial']);
  });

  it('redials the last number, and finds it in the history after a restart', async () => {
    const { desktop, telephony, state } = await storeWithCalls();
    expect(state().redial()).toEqual({ ok: false, message: 'There is no number to redial yet' });
    desktop.answerOk(contract.history.query, {
      entries: [aHistoryEntry({ direction: 'outbound', status: 'answered', peer: { uri: 'sip:+12025550199@pbx.example.com', user: '+12025550199', displayName: null } })],
      hasMore: true,
    });
    await state().loadLastDialed();
    expect(desktop.callsTo(contract.history.query).at(-1)).toEqual({ filter: 'outbound', limit: 1 });
    expect(state().calls.lastDialed).toBe('(202) 555-0199');
    state().redial();
    expect(telephony.opsOf('dial')[0]?.targetUri).toBe('sip:+12025550199@pbx.example.com');
  });
});

describe('calls: call waiting, hold and transfers', () => {
  it('answering a second call holds the first, then answers', async () => {
    const { telephony, state } = await storeWithCalls();
    telephony.pushCalls([answered(aCall({ id: 'first' })), aCall({ id: 'second' })]);
    state().answer('second');
    expect(telephony.operations).toEqual([
      { op: 'setHeld', callId: 'first', held: true },
      { op: 'answer', callId: 'second' },
    ]);
  });

  it('switching holds the current call and resumes the other', async () => {
    const { telephony, state } = await storeWithCalls();
    telephony.pushCalls([{ ...answered(aCall({ id: 'first' })), held: true }, answered(aCall({ id: 'second' }))]);
    state().switchTo('first');
    expect(telephony.operations).toEqual([
      { op: 'setHeld', callId: 'second', held: true },
      { op: 'setHeld', callId: 'first', held: false },
    ]);
  });

  it('toggles mute and hold from the call’s state', async () => {
    const { telephony, state } = await storeWithCalls();
    telephony.pushCall({ ...answered(aCall({ id: 'c' })), muted: true });
    state().toggleMute('c');
    state().toggleHold('c');
    expect(telephony.operations).toEqual([
      { op: 'setMuted', callId: 'c', muted: false },
      { op: 'setHeld', callId: 'c', held: true },
    ]);
  });

  it('blind-transfers to a number typed like any other', async () => {
    const { telephony, state } = await storeWithCalls();
    telephony.pushCall(answered(aCall({ id: 'c' })));
    expect(state().blindTransfer('c', '1003')).toEqual({ ok: true });
    expect(state().blindTransfer('c', 'abc 12')).toEqual({ ok: false, message: 'Letters are not allowed in a phone number' });
    expect(telephony.opsOf('blindTransfer')).toEqual([{ op: 'blindTransfer', callId: 'c', targetUri: 'sip:1003@pbx.example.com' }]);
  });

  it('consults: holds the caller and dials the colleague linked to the call; then completes', async () => {
    const { telephony, state } = await storeWithCalls();
    telephony.pushCall(answered(aCall({ id: 'caller' })));
    expect(state().startConsult('caller', '1003')).toEqual({ ok: true, callId: 'call-1' });
    state().completeTransfer('caller', 'call-1');
    expect(telephony.operations).toEqual([
      { op: 'setHeld', callId: 'caller', held: true },
      { op: 'dial', targetUri: 'sip:1003@pbx.example.com', consultFor: 'caller', callId: 'call-1' },
      { op: 'completeTransfer', callId: 'caller', consultCallId: 'call-1' },
    ]);
  });

  it('going back to the caller hangs up on the colleague and resumes the caller', async () => {
    const { telephony, state } = await storeWithCalls();
    const caller = { ...answered(aCall({ id: 'caller' })), held: true };
    const colleague = answered(aCall({ id: 'colleague', direction: 'outbound', consultFor: 'caller' }));
    telephony.pushCalls([caller, colleague]);
    state().cancelConsult('colleague');
    expect(telephony.operations).toEqual([
      { op: 'hangup', callId: 'colleague' },
      { op: 'setHeld', callId: 'caller', held: false },
    ]);
  });
});
