import { describe, expect, it } from 'vitest';
import { dialTarget, dialTextForPeer, hostOf } from '../../../../renderer/domain/dial-target';

const DOMAIN = 'pbx.example.com';

describe('where a dialled call goes', () => {
  it('sends extensions to the agent’s own server', () => {
    expect(dialTarget('1002', 'US', DOMAIN)).toMatchObject({ ok: true, uri: 'sip:1002@pbx.example.com' });
  });

  it('sends phone numbers in E.164 to the agent’s own server', () => {
    expect(dialTarget('(202) 555-0199', 'US', DOMAIN)).toMatchObject({ ok: true, uri: 'sip:+12025550199@pbx.example.com' });
    expect(dialTarget('+44 20 7946 0958', 'DE', DOMAIN)).toMatchObject({ ok: true, uri: 'sip:+442079460958@pbx.example.com' });
  });

  it('escapes # in a feature code', () => {
    expect(dialTarget('*72#', 'US', DOMAIN)).toMatchObject({ ok: true, uri: 'sip:*72%23@pbx.example.com' });
  });

  it('dials a SIP address as it is, even on another server', () => {
    expect(dialTarget('sip:alice@other.example.org', 'US', DOMAIN)).toMatchObject({ ok: true, uri: 'sip:alice@other.example.org' });
  });

  it('refuses invalid input with the reason', () => {
    expect(dialTarget('555 0100', 'US', DOMAIN)).toEqual({ ok: false, message: 'This number is too short for US' });
    expect(dialTarget('', 'US', DOMAIN)).toEqual({ ok: false, message: 'Type a number, an extension or a SIP address' });
  });

  it('needs an account to call a number', () => {
    expect(dialTarget('1002', 'US', null)).toEqual({ ok: false, message: 'Set up your phone account before calling' });
  });
});

describe('calling a peer back', () => {
  it('uses the number or extension of a peer on the same server', () => {
    expect(dialTextForPeer({ uri: 'sip:+12025550199@PBX.example.com', user: '+12025550199', displayName: null }, DOMAIN)).toBe('+12025550199');
  });

  it('uses the full address of a peer on another server', () => {
    expect(dialTextForPeer({ uri: 'sip:alice@other.example.org', user: 'alice', displayName: 'Alice' }, DOMAIN)).toBe('sip:alice@other.example.org');
  });

  it('reads the host of a SIP address without port or parameters', () => {
    expect(hostOf('sip:1002@pbx.example.com:5060;transport=ws')).toBe('pbx.example.com');
    expect(hostOf('not a uri')).toBeNull();
  });
});
