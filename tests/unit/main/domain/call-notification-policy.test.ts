import { describe, expect, it } from 'vitest';
import { decideCallNotifications, type CallNotificationSettings } from '../../../../main/domain/call-notification-policy';
import type { CallSnapshot, CallState } from '../../../../common/schemas/call';
import { callSnapshot, ended } from '../../../fakes/call-snapshots';

const settings: CallNotificationSettings = { notifications: { incomingCall: true, missedCall: true }, bringWindowForward: true, presence: 'available' };
const kinds = (previous: CallState | null, call: CallSnapshot, s: Partial<CallNotificationSettings> = {}) =>
  decideCallNotifications({ previous, call, settings: { ...settings, ...s }, knownName: null }).map((step) => step.kind);

describe('call notification policy', () => {
  it('rings once per call, however often the ringing call is reported', () => {
    expect(kinds(null, callSnapshot())).toEqual(['show-incoming', 'show-window']);
    expect(kinds('incoming', callSnapshot({ muted: true }))).toEqual([]);
  });

  it('still withdraws a ringing notification after the agent switched to Do Not Disturb', () => {
    expect(kinds('incoming', ended(callSnapshot(), { reason: 'cancelled', by: 'remote' }), { presence: 'dnd' })).toEqual(['close']);
  });

  it('withdraws the ringing notification and shows the missed call when the caller gives up', () => {
    expect(kinds('incoming', ended(callSnapshot(), { reason: 'cancelled', by: 'remote' }))).toEqual(['close', 'show-missed']);
  });

  it('shows a missed call once: a repeated end changes nothing', () => {
    const call = ended(callSnapshot(), { reason: 'cancelled', by: 'remote' });
    expect(kinds('ended', call)).toEqual([]);
  });

  it('takes the caller’s name from the history when the call has none, and never repeats the number as a name', () => {
    const call = callSnapshot({ peer: { uri: 'sip:1003@pbx', user: '1003', displayName: '1003' } });
    const [withName] = decideCallNotifications({ previous: null, call, settings, knownName: 'Desk Phone' });
    expect(withName).toMatchObject({ notification: { body: 'Desk Phone\n1003' } });
  });
});
