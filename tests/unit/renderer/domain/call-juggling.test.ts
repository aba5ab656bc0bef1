import { describe, expect, it } from 'vitest';
import {
  answerHoldsAnother,
  callLayout,
  consultedCall,
  currentCall,
  isBusy,
  planAnswer,
  planDial,
  planSwitch,
  ringingCalls,
  sameCallState,
} from '../../../../renderer/domain/call-juggling';
import { aCall, answered } from '../../../fakes/app-snapshots';

const first = answered(aCall({ id: 'a', startedAt: 1_000 }), 2_000);
const second = aCall({ id: 'b', startedAt: 5_000, peer: { uri: 'sip:1003@pbx', user: '1003', displayName: null } });

describe('juggling several calls', () => {
  it('answering a second call puts the first on hold first', () => {
    expect(planAnswer([first, second], 'b')).toEqual({ hold: ['a'], resume: null });
  });

  it('answering a second call also holds a first one that was answered a moment ago and is still connecting', () => {
    expect(planAnswer([{ ...first, state: 'connecting' }, second], 'b')).toEqual({ hold: ['a'], resume: null });
  });

  it('answering while the first is already on hold holds nothing', () => {
    expect(planAnswer([{ ...first, held: true }, second], 'b')).toEqual({ hold: [], resume: null });
  });

  it('dialling out while talking holds the current call', () => {
    expect(planDial([first])).toEqual({ hold: ['a'], resume: null });
    expect(planDial([second])).toEqual({ hold: [], resume: null });
  });

  it('switching holds the call in the agent’s ear and resumes the other', () => {
    const talkingToB = [{ ...first, held: true }, answered(second, 6_000)];
    expect(planSwitch(talkingToB, 'a')).toEqual({ hold: ['b'], resume: 'a' });
  });

  it('switching to a call that is not established does nothing', () => {
    expect(planSwitch([first, second], 'b')).toEqual({ hold: [], resume: null });
    expect(planSwitch([first], 'gone')).toEqual({ hold: [], resume: null });
  });

  it('the current call is the one answered last and not held', () => {
    const b = answered(second, 6_000);
    expect(currentCall([first, b])?.id).toBe('b');
    expect(currentCall([first, { ...b, held: true }])?.id).toBe('a');
    expect(currentCall([second])).toBeNull();
  });

  it('a call ringing in is not "busy", a connected one is', () => {
    expect(isBusy([second])).toBe(false);
    expect(isBusy([first, second])).toBe(true);
  });

  it('lists ringing calls with the longest-waiting first', () => {
    const third = aCall({ id: 'c', startedAt: 2_000 });
    expect(ringingCalls([second, first, third]).map((c) => c.id)).toEqual(['c', 'b']);
  });

  it('finds the caller a consultation call was made for', () => {
    const consult = aCall({ id: 'c', direction: 'outbound', state: 'ringing', consultFor: 'a' });
    expect(consultedCall([first, consult], consult)?.id).toBe('a');
    expect(consultedCall([consult], consult)).toBeNull();
  });

  it('treats snapshots that differ only in identity as the same moment', () => {
    expect(sameCallState(first, { ...first, peer: { ...first.peer } })).toBe(true);
    expect(sameCallState(first, { ...first, muted: true })).toBe(false);
  });
});

describe('laying out the call area', () => {
  const held = { ...first, held: true };
  const talkingNow = answered(aCall({ id: 'c', startedAt: 6_000 }), 7_000);

  it('focuses the call being talked on, with a call ringing in beside it', () => {
    const layout = callLayout([first, second]);
    expect(layout.focused?.id).toBe('a');
    expect(layout.others.map((c) => c.id)).toEqual(['b']);
    expect(answerHoldsAnother([first, second], 'b')).toBe(true);
  });

  it('focuses the call ringing in when nothing else is on, and answering it holds nothing', () => {
    expect(callLayout([second]).focused?.id).toBe('b');
    expect(answerHoldsAnother([held, second], 'b')).toBe(false);
  });

  it('keeps a call the agent held in focus while it is the only one', () => {
    expect(callLayout([held]).focused?.id).toBe('a');
    expect(callLayout([held, talkingNow]).focused?.id).toBe('c');
  });

  it('puts ended calls apart, never in focus', () => {
    const layout = callLayout([{ ...first, state: 'ended' }, second]);
    expect(layout.focused?.id).toBe('b');
    expect(layout.ended.map((c) => c.id)).toEqual(['a']);
    expect(callLayout([{ ...first, state: 'ended' }]).focused).toBeNull();
  });
});
