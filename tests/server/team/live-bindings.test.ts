import { describe, expect, it } from 'vitest';
import { defaultLiveBindings, noLiveBindings } from '../../../server/services/live-bindings';

describe('the live-bindings port with no adapter given', () => {
  it('does nothing when no SIP server is configured', () => {
    expect(defaultLiveBindings({ kamailioRpcUrl: undefined })).toBe(noLiveBindings);
  });

  it('refuses to pretend when RINGDESK_KAMAILIO_RPC is set, so a removed agent’s phone cannot keep ringing unnoticed', () => {
    expect(() => defaultLiveBindings({ kamailioRpcUrl: 'http://127.0.0.1:5060/RPC' })).toThrow(/RINGDESK_KAMAILIO_RPC/);
  });
});
