import { describe, expect, it } from 'vitest';
import { checkedEmitter } from '../../../../main/ipc/checked-emitter';
import { events } from '../../../../preload/contract';
import { aHistoryEntry, aSnapshot, anEngineAccount, unreachable } from '../../../fakes/app-snapshots';

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

  it('delivers a whole snapshot and an engine command that match the contract', () => {
    const { emit, sent, refused } = emitter();
    emit(events.snapshot.channel, aSnapshot());
    emit(events.snapshot.channel, aSnapshot({ registration: { status: 'reconnecting', attempt: 2, nextAttemptAt: 1_700_000_030_000, cause: 'network', detail: { code: 'network.lost' } }, reachability: unreachable() }));
    emit(events.engineCommand.channel, { type: 'register', account: anEngineAccount({ instanceId: '6f1c2a3e-8b4d-4c5e-9f60-7a8b9c0d1e2f' }), incoming: 'ring' });
    emit(events.engineCommand.channel, { type: 'unregister' });
    expect(refused).toEqual([]);
    expect(sent).toHaveLength(4);
  });

  it('drops and reports a snapshot main should never have built', () => {
    const { emit, sent, refused } = emitter();
    emit(events.snapshot.channel, { ...aSnapshot(), presence: 'busy' });
    emit(events.snapshot.channel, aSnapshot({ registration: { status: 'reconnecting', attempt: -1, nextAttemptAt: 0, cause: 'server' } }));
    emit(events.snapshot.channel, aSnapshot({ reachability: unreachable({ failure: { cause: 'server', detail: { code: 'server.refused', reason: 'Oops\r\nX-Evil: 1' } } }) }));
    emit(events.snapshot.channel, aSnapshot({ account: null, notices: [{ id: 'no-such-notice' as never, tone: 'info' }] }));
    expect(sent).toEqual([]);
    expect(refused).toEqual([
      `${events.snapshot.channel} presence: invalid_value`,
      `${events.snapshot.channel} registration.attempt: too_small`,
      `${events.snapshot.channel} reachability.failure.detail.reason: invalid_format`,
      `${events.snapshot.channel} notices.0.id: invalid_value`,
    ]);
  });

  it('drops and reports an engine command that would hand the engine unusable settings', () => {
    const { emit, sent, refused } = emitter();
    emit(events.engineCommand.channel, { type: 'register', account: anEngineAccount({ authorizationHa1: 'the-password' }), incoming: 'ring' });
    emit(events.engineCommand.channel, { type: 'set-incoming', incoming: 'maybe' });
    expect(sent).toEqual([]);
    expect(refused).toEqual([
      `${events.engineCommand.channel} account.authorizationHa1: invalid_format`,
      `${events.engineCommand.channel} incoming: invalid_value`,
    ]);
  });

  it('drops and reports a channel the contract does not name', () => {
    const { emit, sent, refused } = emitter();
    emit('ringdesk:app:anything', { any: 'thing' });
    expect(sent).toEqual([]);
    expect(refused).toEqual(['ringdesk:app:anything not a channel of the contract']);
  });
});
