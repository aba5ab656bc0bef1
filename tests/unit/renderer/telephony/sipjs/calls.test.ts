import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FAR_CONTACT, answerIncoming, callThePhone, establishedOutbound, flush, registeredPhone } from '../../../../fakes/sip-call-peer';
import { response, SDP_ANSWER } from '../../../../fakes/sip-fake-transport';

/*
 * Calls through the real sip.js engine: fake WebSocket transport, scripted far
 * end speaking raw SIP, and a fake media handler (no WebRTC). What goes over
 * the wire and what the app sees (CallSnapshots) are both checked.
 */

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
});

describe('outbound calls', () => {
  it('dials, rings on 180, becomes active on 200 (ACK sent), and hanging up sends BYE', async () => {
    const phone = await registeredPhone();
    const id = phone.telephony.dial('sip:1002@127.0.0.1');
    expect(phone.call(id)).toMatchObject({ state: 'dialing', direction: 'outbound', peer: { user: '1002', uri: 'sip:1002@127.0.0.1' } });
    await flush();

    const [invite] = phone.server.requests('INVITE');
    expect(invite?.uri).toBe('sip:1002@127.0.0.1');
    expect(invite?.header('Content-Type')).toBe('application/sdp');
    expect(invite?.body).toContain('m=audio');
    expect(phone.media.handlers[0]?.offers[0]?.options?.constraints).toEqual({ audio: true, video: false });
    const callId = invite!.header('Call-ID')!;

    phone.server.deliver(response(invite!, 100, 'Trying'));
    await flush();
    expect(phone.call(id)?.state).toBe('dialing');
    phone.server.deliver(response(invite!, 180, 'Ringing', [FAR_CONTACT], { toTag: 'far' }));
    await flush();
    expect(phone.call(id)?.state).toBe('ringing');

    phone.server.deliver(response(invite!, 200, 'OK', [FAR_CONTACT], { toTag: 'far', body: SDP_ANSWER }));
    await flush();
    expect(phone.server.requests('ACK', callId)).toHaveLength(1);
    expect(phone.call(id)).toMatchObject({ state: 'active', answeredAt: expect.any(Number), end: null });
    expect(phone.media.handlers[0]?.remoteDescriptions).toEqual([SDP_ANSWER]);

    phone.telephony.hangup(id);
    await flush();
    expect(phone.server.requests('BYE', callId)).toHaveLength(1);
    expect(phone.call(id)).toMatchObject({ state: 'ended', end: { reason: 'hangup', by: 'local' }, endedAt: expect.any(Number) });
    expect(phone.media.handlers[0]?.closed).toBe(true);
  });

  it('an ended call is announced once with its end, then dropped from the list', async () => {
    const phone = await registeredPhone();
    const { id } = await establishedOutbound(phone);
    phone.telephony.hangup(id);
    await flush();
    const endedIn = phone.emissions.filter((list) => list.some((c) => c.id === id && c.state === 'ended'));
    expect(endedIn).toHaveLength(1);

    phone.telephony.dial('sip:1003@127.0.0.1');
    await flush();
    expect(phone.current().map((c) => c.id)).not.toContain(id);
  });

  it.each([
    [486, 'Busy Here', 'busy'],
    [600, 'Busy Everywhere', 'busy'],
    [603, 'Decline', 'declined'],
    [404, 'Not Found', 'not-found'],
    [484, 'Address Incomplete', 'not-found'],
    [480, 'Temporarily Unavailable', 'unavailable'],
    [503, 'Service Unavailable', 'unavailable'],
    [408, 'Request Timeout', 'no-answer'],
    [500, 'Server Internal Error', 'failed'],
  ])('a %i %s answer ends the call as %s', async (code, reason, expected) => {
    const phone = await registeredPhone();
    const id = phone.telephony.dial('sip:1002@127.0.0.1');
    await flush();
    const [invite] = phone.server.requests('INVITE');
    phone.server.deliver(response(invite!, code, reason));
    await flush();
    expect(phone.call(id)).toMatchObject({ state: 'ended', end: { reason: expected, by: 'remote', statusCode: code } });
    expect(phone.server.requests('ACK')).toHaveLength(1); // the error answer is acknowledged
  });

  it('hanging up while it rings sends CANCEL and ends the call as cancelled at once', async () => {
    const phone = await registeredPhone();
    const id = phone.telephony.dial('sip:1002@127.0.0.1');
    await flush();
    const [invite] = phone.server.requests('INVITE');
    phone.server.deliver(response(invite!, 180, 'Ringing', [FAR_CONTACT], { toTag: 'far' }));
    await flush();

    phone.telephony.hangup(id);
    expect(phone.call(id)).toMatchObject({ state: 'ended', end: { reason: 'cancelled', by: 'local' } });
    await flush(); // the far end answers 200 to the CANCEL and 487 to the INVITE
    const cancels = phone.server.requests('CANCEL');
    expect(cancels).toHaveLength(1);
    expect(cancels[0]?.header('Call-ID')).toBe(invite?.header('Call-ID'));
    expect(phone.emissions.filter((list) => list.some((c) => c.id === id && c.state === 'ended'))).toHaveLength(1);
  });

  it('the callee hanging up ends the call as hangup by the remote side', async () => {
    const phone = await registeredPhone();
    const { id, far } = await establishedOutbound(phone);
    far.bye();
    await flush();
    expect(phone.call(id)).toMatchObject({ state: 'ended', end: { reason: 'hangup', by: 'remote' } });
    expect(phone.server.responses(far.callId).some((r) => r.status === 200 && r.header('CSeq')?.endsWith('BYE'))).toBe(true);
  });

  it('a 183 with SDP rings and plays early media before the answer', async () => {
    const phone = await registeredPhone();
    const id = phone.telephony.dial('sip:1002@127.0.0.1');
    await flush();
    const [invite] = phone.server.requests('INVITE');
    phone.server.deliver(response(invite!, 183, 'Session Progress', [FAR_CONTACT], { toTag: 'far', body: SDP_ANSWER }));
    await flush();
    expect(phone.call(id)?.state).toBe('ringing');
    expect(phone.media.handlers[0]?.remoteDescriptions).toEqual([SDP_ANSWER]);
  });

  it('dialling with no connection ends the call at once as a network failure', async () => {
    const phone = await registeredPhone();
    phone.server.transports[0]!.drop();
    const id = phone.telephony.dial('sip:1002@127.0.0.1');
    expect(phone.call(id)).toMatchObject({ state: 'ended', direction: 'outbound', end: { reason: 'network', by: 'system' } });
  });

  it('a dropped connection ends live calls as network failures', async () => {
    const phone = await registeredPhone();
    const { id } = await establishedOutbound(phone);
    phone.server.transports[0]!.drop();
    await flush();
    expect(phone.call(id)).toMatchObject({ state: 'ended', end: { reason: 'network', by: 'system' } });
  });
});

describe('incoming calls', () => {
  it('rings with 180, shows the caller, and answering sends 200 with SDP; active once the ACK arrives', async () => {
    const phone = await registeredPhone();
    const { id, from } = await callThePhone(phone, 'in-1');
    expect(phone.server.responses('in-1').map((r) => r.status)).toEqual([100, 180]);
    expect(phone.call(id)).toMatchObject({ state: 'incoming', direction: 'inbound', peer: { user: '1002', displayName: 'Bob Caller' } });

    phone.telephony.answer(id);
    await flush();
    expect(phone.call(id)?.state).toBe('connecting');
    const ok = phone.server.responses('in-1').find((r) => r.status === 200);
    expect(ok?.body).toContain('m=audio');
    expect(phone.media.handlers[0]?.remoteDescriptions[0]).toContain('m=audio');

    const ok200 = phone.server.responses('in-1').filter((r) => r.status === 200);
    await answerIncoming(phone, id, 'in-1', from); // (answer() again is ignored) the far end ACKs
    expect(phone.server.responses('in-1').filter((r) => r.status === 200)).toEqual(ok200);
    expect(phone.call(id)).toMatchObject({ state: 'active', answeredAt: expect.any(Number) });
  });

  it('the caller giving up (CANCEL) ends the call as cancelled by the remote side', async () => {
    const phone = await registeredPhone();
    const { id, invite } = await callThePhone(phone, 'in-2');
    phone.server.deliver(cancelFor(invite));
    await flush();
    expect(phone.call(id)).toMatchObject({ state: 'ended', end: { reason: 'cancelled', by: 'remote' } });
    expect(phone.server.responses('in-2').map((r) => r.status)).toEqual([100, 180, 200, 487]);
  });

  it('a CANCEL with Reason SIP;cause=200 means it was answered elsewhere', async () => {
    const phone = await registeredPhone();
    const { id, invite } = await callThePhone(phone, 'in-3');
    phone.server.deliver(cancelFor(invite, 'Reason: SIP;cause=200;text="Call completed elsewhere"'));
    await flush();
    expect(phone.call(id)).toMatchObject({ state: 'ended', end: { reason: 'answered-elsewhere', by: 'remote' } });
  });

  it.each([
    ['decline', 603],
    ['busy', 486],
  ] as const)('declining (%s) answers %i and ends the call as declined', async (how, code) => {
    const phone = await registeredPhone();
    const { id } = await callThePhone(phone, `in-d-${how}`);
    phone.telephony.decline(id, how);
    await flush();
    expect(phone.server.responses(`in-d-${how}`).map((r) => r.status)).toEqual([100, 180, code]);
    expect(phone.call(id)).toMatchObject({ state: 'ended', end: { reason: 'declined', by: 'local', statusCode: code } });
  });

  it('a second call while one is active just rings too (no automatic hold)', async () => {
    const phone = await registeredPhone();
    const first = await establishedOutbound(phone);
    const { id } = await callThePhone(phone, 'waiting-1');
    expect(phone.current().map((c) => [c.id, c.state, c.held])).toEqual([
      [first.id, 'active', false],
      [id, 'incoming', false],
    ]);
    expect(phone.server.requests('INVITE')).toHaveLength(1); // no hold re-INVITE
  });

  it('an unanswered call stops ringing after the no-answer timeout (480) and ends as no-answer', async () => {
    const phone = await registeredPhone();
    const { id } = await callThePhone(phone, 'in-na');
    await vi.advanceTimersByTimeAsync(61_000);
    await flush();
    expect(phone.server.responses('in-na').at(-1)?.status).toBe(480);
    expect(phone.call(id)).toMatchObject({ state: 'ended', end: { reason: 'no-answer', by: 'system' } });
  });
});

function cancelFor(invite: string, ...headers: string[]): string {
  return invite
    .replace(/^INVITE /, 'CANCEL ')
    .replace(/CSeq: 1 INVITE/, 'CSeq: 1 CANCEL')
    .replace(/Content-Type: [^\r]*\r\n/, '')
    .replace(/Content-Length: \d+\r\n\r\n[\s\S]*$/, `${headers.map((h) => `${h}\r\n`).join('')}Content-Length: 0\r\n\r\n`);
}
