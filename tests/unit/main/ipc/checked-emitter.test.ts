import { describe, expect, it } from 'vitest';
import { checkedEmitter } from '../../../../main/ipc/checked-emitter';
import { events } from '../../../../preload/contract';
import { aHistoryEntry } from '../../../fakes/app-snapshots';

function emitter() {
  const sent: Array<[string, unknown]> = [];
  const refused: string[] = [];
  const emit = checkedEmitter((channel, payload) => sent.push([channel, payload]), (channel, problem) => refused.push(`${channel} ${problem}`));
  return { emit, sent, refused };
}

describe('events main sends to the window, in dev and test builds', () => {
  it('delivers a delta event whose payload matches the contract', () => {
    const { emit, sent, refused } = emitter();
    emit(events.historyAdded.channel, aHistoryEntry());
    emit(events.callAction.channel, { callId: 'c1', action: 'answer' });
    expect(sent.map(([channel]) => channel)).toEqual([events.historyAdded.channel, events.callAction.channel]);
    expect(refused).toEqual([]);
  });

  it('drops and reports one main should never have built', () => {
    const { emit, sent, refused } = emitter();
    emit(events.historyAdded.channel, { ...aHistoryEntry(), durationSec: -5 });
    emit(events.callAction.channel, { callId: 'c1', action: 'hangup' });
    expect(sent).toEqual([]);
    expect(refused).toHaveLength(2);
    expect(refused[0]).toContain('durationSec');
  });

  it('passes events without a payload schema as they are', () => {
    const { emit, sent } = emitter();
    emit(events.snapshot.channel, { any: 'thing' });
    expect(sent).toHaveLength(1);
  });
});
