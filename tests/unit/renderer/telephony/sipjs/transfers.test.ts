import { UserAgent } from 'sip.js';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { TRANSFER_FIRST_NOTIFY_MS, TRANSFER_NEXT_NOTIFY_MS } from '../../../../../renderer/telephony/sipjs/call-session';
import { referTargetAllowed } from '../../../../../renderer/telephony/sipjs/refer-to';
import { FAR_CONTACT, establishedOutbound, flush, registeredPhone, type CallHarness, type FarEnd } from '../../../../fakes/sip-call-peer';
import { request, response, SDP_ANSWER, sdp, type SipMessage } from '../../../../fakes/sip-fake-transport';

/*
 * Transfers, from all three sides, through real sip.js with a fake transport
 * and media: the transferor (blind and attended REFER), the transferee (an
 * incoming REFER places a new call) and the target (an INVITE with Replaces).
 */

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
});

function notifyFrag(far: FarEnd, status: string): void {
  far.send('NOTIFY', { contentType: 'message/sipfrag', body: `SIP/2.0 ${status}`, headers: ['Event: refer', 'Subscription-State: terminated;reason=noresource'] });
}

async function referSentOn(phone: CallHarness, far: FarEnd, answer = 202): Promise<SipMessage> {
  await flush();
  const refer = phone.server.requests('REFER', far.callId).at(-1);
  if (!refer) throw new Error('no REFER went out');
  phone.server.deliver(response(refer, answer, answer === 202 ? 'Accepted' : 'Forbidden'));
  await flush();
  return refer;
}

describe('blind transfer (we transfer)', () => {
  it('REFERs the peer to the target; the call ends as transferred once a NOTIFY reports 200', async () => {
    const phone = await registeredPhone();
    const { id, far } = await establishedOutbound(phone);
    phone.telephony.blindTransfer(id, 'sip:1003@127.0.0.1');
    const refer = await referSentOn(phone, far);
    expect(refer.header('Refer-To')).toBe('<sip:1003@127.0.0.1>');
    expect(refer.header('Referred-By')).toContain('sip:1001@127.0.0.1');
    expect(phone.call(id)).toMatchObject({ state: 'active', transfer: { kind: 'blind', target: 'sip:1003@127.0.0.1', status: 'pending' } });

    notifyFrag(far, '100 Trying');
    await flush();
    expect(phone.call(id)?.state).toBe('active');
    notifyFrag(far, '200 OK');
    await flush();
    expect(phone.call(id)).toMatchObject({ state: 'ended', end: { reason: 'transferred', by: 'local' }, transfer: { status: 'accepted' } });
    expect(phone.server.requests('BYE', far.callId)).toHaveLength(1);
  });

  it('a failure NOTIFY (486) keeps the call and marks the transfer failed', async () => {
    const phone = await registeredPhone();
    const { id, far } = await establishedOutbound(phone);
    phone.telephony.blindTransfer(id, 'sip:1003@127.0.0.1');
    await referSentOn(phone, far);
    notifyFrag(far, '486 Busy Here');
    await flush();
    expect(phone.call(id)).toMatchObject({ state: 'active', transfer: { kind: 'blind', status: 'failed' } });
    expect(phone.server.requests('BYE', far.callId)).toHaveLength(0);
  });

  it('a refused REFER (403) keeps the call and marks the transfer failed', async () => {
    const phone = await registeredPhone();
    const { id, far } = await establishedOutbound(phone);
    phone.telephony.blindTransfer(id, 'sip:1003@127.0.0.1');
    await referSentOn(phone, far, 403);
    expect(phone.call(id)).toMatchObject({ state: 'active', transfer: { status: 'failed' } });
  });

  it('a target that is not a SIP URI fails the transfer without sending anything', async () => {
    const phone = await registeredPhone();
    const { id, far } = await establishedOutbound(phone);
    phone.telephony.blindTransfer(id, 'not a uri');
    await flush();
    expect(phone.server.requests('REFER', far.callId)).toHaveLength(0);
    expect(phone.call(id)?.transfer).toMatchObject({ kind: 'blind', status: 'failed' });
  });
});

describe('a transfer the peer never reports on', () => {
  it('fails after 30 s without any NOTIFY; the call stays up', async () => {
    const phone = await registeredPhone();
    const { id, far } = await establishedOutbound(phone);
    phone.telephony.blindTransfer(id, 'sip:1003@127.0.0.1');
    await referSentOn(phone, far); // 202 Accepted, then silence
    await vi.advanceTimersByTimeAsync(TRANSFER_FIRST_NOTIFY_MS - 1_000);
    expect(phone.call(id)?.transfer?.status).toBe('pending');
    await vi.advanceTimersByTimeAsync(1_000);
    expect(phone.call(id)).toMatchObject({ state: 'active', transfer: { kind: 'blind', status: 'failed' } });
    expect(phone.server.requests('BYE', far.callId)).toHaveLength(0);

    // the agent may try again at once
    phone.telephony.blindTransfer(id, 'sip:1004@127.0.0.1');
    await referSentOn(phone, far);
    expect(phone.call(id)?.transfer).toMatchObject({ target: 'sip:1004@127.0.0.1', status: 'pending' });
  });

  it('after a provisional NOTIFY waits longer for the next one (the target may ring), but not for ever', async () => {
    const phone = await registeredPhone();
    const { id, far } = await establishedOutbound(phone);
    phone.telephony.blindTransfer(id, 'sip:1003@127.0.0.1');
    await referSentOn(phone, far);
    await vi.advanceTimersByTimeAsync(5_000);
    notifyFrag(far, '180 Ringing');
    await flush();
    await vi.advanceTimersByTimeAsync(TRANSFER_NEXT_NOTIFY_MS - 1_000);
    expect(phone.call(id)?.transfer?.status).toBe('pending');
    await vi.advanceTimersByTimeAsync(1_000);
    expect(phone.call(id)).toMatchObject({ state: 'active', transfer: { status: 'failed' } });
  });

  it('a success NOTIFY arriving after the timeout still completes the transfer', async () => {
    const phone = await registeredPhone();
    const { id, far } = await establishedOutbound(phone);
    phone.telephony.blindTransfer(id, 'sip:1003@127.0.0.1');
    await referSentOn(phone, far);
    await vi.advanceTimersByTimeAsync(TRANSFER_FIRST_NOTIFY_MS);
    expect(phone.call(id)?.transfer?.status).toBe('failed');
    notifyFrag(far, '200 OK');
    await flush();
    expect(phone.call(id)).toMatchObject({ state: 'ended', end: { reason: 'transferred', by: 'local' }, transfer: { status: 'accepted' } });
  });

  it('clears its timer when the call ends while the transfer is pending', async () => {
    const phone = await registeredPhone();
    const { id, far } = await establishedOutbound(phone);
    const setTimer = vi.spyOn(globalThis, 'setTimeout');
    const clearTimer = vi.spyOn(globalThis, 'clearTimeout');
    phone.telephony.blindTransfer(id, 'sip:1003@127.0.0.1');
    await referSentOn(phone, far);
    const index = setTimer.mock.calls.findIndex((args) => args[1] === TRANSFER_FIRST_NOTIFY_MS);
    const timer = setTimer.mock.results[index]?.value as unknown;
    expect(timer).toBeDefined();
    far.bye();
    await flush();
    expect(phone.call(id)?.state).toBe('ended');
    expect(clearTimer.mock.calls.some((args) => args[0] === timer)).toBe(true);
    const emissions = phone.emissions.length;
    await vi.advanceTimersByTimeAsync(TRANSFER_FIRST_NOTIFY_MS);
    expect(phone.emissions).toHaveLength(emissions);
    setTimer.mockRestore();
    clearTimer.mockRestore();
  });
});

describe('attended transfer (we transfer)', () => {
  it('REFERs the first peer to the consulted one with Replaces of the consultation dialog; both calls end as transferred', async () => {
    const phone = await registeredPhone();
    const first = await establishedOutbound(phone, 'sip:1002@127.0.0.1');
    phone.telephony.setHeld(first.id, true);
    const consultId = phone.telephony.dial('sip:1003@127.0.0.1', { consultFor: first.id });
    expect(phone.call(consultId)?.consultFor).toBe(first.id);
    await flush();
    const consultInvite = phone.server.requests('INVITE').find((r) => r.uri === 'sip:1003@127.0.0.1')!;
    phone.server.deliver(response(consultInvite, 200, 'OK', [FAR_CONTACT], { toTag: 'target', body: SDP_ANSWER }));
    await flush();
    expect(phone.call(consultId)?.state).toBe('active');

    phone.telephony.completeTransfer(first.id, consultId);
    const refer = await referSentOn(phone, first.far);
    const consultCallId = consultInvite.header('Call-ID')!;
    const ourTag = /tag=([^;>\s]+)/.exec(consultInvite.header('From')!)![1]!;
    const replaces = encodeURIComponent(`${consultCallId};to-tag=target;from-tag=${ourTag}`);
    expect(refer.header('Refer-To')).toBe(`<sip:1003@127.0.0.1?Replaces=${replaces}>`);
    expect(phone.call(first.id)?.transfer).toEqual({ kind: 'attended', target: 'sip:1003@127.0.0.1', status: 'pending' });

    // the target takes the first peer over and hangs up the consultation call
    phone.server.deliver(
      request('BYE', { callId: consultCallId, from: `${consultInvite.header('To')};tag=target`, to: consultInvite.header('From')!, cseq: 5 }),
    );
    await flush();
    expect(phone.call(consultId)).toMatchObject({ state: 'ended', end: { reason: 'transferred' } });

    notifyFrag(first.far, '200 OK');
    await flush();
    expect(phone.call(first.id)).toMatchObject({ state: 'ended', end: { reason: 'transferred', by: 'local' } });
    expect(phone.server.requests('BYE', first.far.callId)).toHaveLength(1);
  });

  it('if the first peer cannot reach the consulted one, both calls stay and the transfer shows failed', async () => {
    const phone = await registeredPhone();
    const first = await establishedOutbound(phone, 'sip:1002@127.0.0.1');
    const consult = await establishedOutbound(phone, 'sip:1003@127.0.0.1');
    phone.telephony.completeTransfer(first.id, consult.id);
    await referSentOn(phone, first.far);
    notifyFrag(first.far, '481 Call/Transaction Does Not Exist');
    await flush();
    expect(phone.call(first.id)).toMatchObject({ state: 'active', transfer: { kind: 'attended', status: 'failed' } });
    expect(phone.call(consult.id)?.state).toBe('active');
    consult.far.bye(); // and a later hang-up of the consultation call is an ordinary one
    await flush();
    expect(phone.call(consult.id)?.end).toMatchObject({ reason: 'hangup', by: 'remote' });
  });

  it('completing with a consultation call that is not answered yet fails the transfer', async () => {
    const phone = await registeredPhone();
    const first = await establishedOutbound(phone);
    const consultId = phone.telephony.dial('sip:1003@127.0.0.1', { consultFor: first.id });
    await flush();
    phone.telephony.completeTransfer(first.id, consultId);
    await flush();
    expect(phone.server.requests('REFER')).toHaveLength(0);
    expect(phone.call(first.id)?.transfer?.status).toBe('failed');
  });
});

describe('being transferred (we are the transferee)', () => {
  it('accepts the REFER, places the new call, and the old call ends as transferred once the new one is answered', async () => {
    const phone = await registeredPhone();
    const old = await establishedOutbound(phone, 'sip:1002@127.0.0.1');
    old.far.send('REFER', { headers: ['Refer-To: <sip:1003@127.0.0.1>', 'Referred-By: <sip:1002@127.0.0.1>'] });
    await flush();
    expect(phone.server.responses(old.far.callId).at(-1)?.status).toBe(202);

    const invite = phone.server.requests('INVITE').find((r) => r.uri === 'sip:1003@127.0.0.1');
    expect(invite?.header('Referred-By')).toContain('sip:1002@127.0.0.1');
    const next = phone.current().find((c) => c.id !== old.id)!;
    expect(next).toMatchObject({ direction: 'outbound', state: 'dialing', peer: { uri: 'sip:1003@127.0.0.1' } });
    expect(phone.call(old.id)?.state).toBe('active');

    phone.server.deliver(response(invite!, 180, 'Ringing', [FAR_CONTACT], { toTag: 'c' }));
    phone.server.deliver(response(invite!, 200, 'OK', [FAR_CONTACT], { toTag: 'c', body: SDP_ANSWER }));
    await flush();
    const frags = phone.server.requests('NOTIFY', old.far.callId).map((n) => n.body);
    expect(frags).toContain('SIP/2.0 200 OK');
    expect(phone.server.requests('NOTIFY', old.far.callId)[0]?.header('Content-Type')).toBe('message/sipfrag');
    expect(phone.call(next.id)?.state).toBe('active');
    expect(phone.call(old.id)).toMatchObject({ state: 'ended', end: { reason: 'transferred', by: 'remote' } });
  });

  it('if the new call fails, the old call stays up and a later BYE is an ordinary hang-up', async () => {
    const phone = await registeredPhone();
    const old = await establishedOutbound(phone, 'sip:1002@127.0.0.1');
    old.far.send('REFER', { headers: ['Refer-To: <sip:1003@127.0.0.1>'] });
    await flush();
    const invite = phone.server.requests('INVITE').find((r) => r.uri === 'sip:1003@127.0.0.1')!;
    phone.server.deliver(response(invite, 486, 'Busy Here'));
    await flush();
    expect(phone.server.requests('NOTIFY', old.far.callId).map((n) => n.body)).toContain('SIP/2.0 486 Busy Here');
    expect(phone.call(old.id)?.state).toBe('active');
    old.far.bye();
    await flush();
    expect(phone.call(old.id)?.end).toEqual({ reason: 'hangup', by: 'remote' });
  });
});

describe('refusing transfers the peer may not ask for (toll fraud)', () => {
  async function referredTo(referTo: string) {
    const phone = await registeredPhone();
    const old = await establishedOutbound(phone, 'sip:1002@127.0.0.1');
    const invitesBefore = phone.server.requests('INVITE').length;
    old.far.send('REFER', { headers: [`Refer-To: ${referTo}`, 'Referred-By: <sip:1002@127.0.0.1>'] });
    await flush();
    return { phone, old, newInvites: phone.server.requests('INVITE').slice(invitesBefore) };
  }

  it('declines a REFER to another domain with 603 and keeps the call', async () => {
    const { phone, old, newInvites } = await referredTo('<sip:0900123456@premium.example.com>');
    expect(phone.server.responses(old.far.callId).at(-1)?.status).toBe(603);
    expect(newInvites).toEqual([]);
    expect(phone.current().map((c) => c.id)).toEqual([old.id]);
    expect(phone.call(old.id)).toMatchObject({ state: 'active' });
    expect(phone.logs.some((line) => line.startsWith('warn') && line.includes('Declined a transfer'))).toBe(true);
    old.far.bye(); // a later BYE is an ordinary hang-up, not a transfer
    await flush();
    expect(phone.call(old.id)?.end).toEqual({ reason: 'hangup', by: 'remote' });
  });

  it('declines a target in our domain that carries maddr, or a Replaces smuggling in another header', async () => {
    for (const referTo of [
      '<sip:1003@127.0.0.1;maddr=203.0.113.9>',
      '<sip:1003@127.0.0.1?Replaces=abc%3Bto-tag%3Da%3Bfrom-tag%3Db%0D%0AX-Evil%3A%201>',
    ]) {
      const { phone, old, newInvites } = await referredTo(referTo);
      expect(phone.server.responses(old.far.callId).at(-1)?.status, referTo).toBe(603);
      expect(newInvites, referTo).toEqual([]);
      expect(phone.call(old.id)?.state).toBe('active');
    }
  });

  it('follows a target in our own domain, dropping URI headers other than Replaces', async () => {
    const { phone, old, newInvites } = await referredTo('<sip:1003@127.0.0.1?Subject=free%20money&X-Evil=1>');
    expect(phone.server.responses(old.far.callId).at(-1)?.status).toBe(202);
    expect(newInvites).toHaveLength(1);
    expect(newInvites[0]?.uri).toBe('sip:1003@127.0.0.1');
    expect(newInvites[0]?.header('Subject')).toBeUndefined();
    expect(newInvites[0]?.header('X-Evil')).toBeUndefined();
  });

  it('judges targets by scheme and host: sip/sips in the account domain only', () => {
    const allowed = (uri: string): boolean => referTargetAllowed(UserAgent.makeURI(uri)!, '127.0.0.1');
    expect(allowed('sip:1003@127.0.0.1')).toBe(true);
    expect(allowed('sips:1003@127.0.0.1:5061')).toBe(true);
    expect(allowed('sip:1003@127.0.0.1?Replaces=abc%3Bto-tag%3Da%3Bfrom-tag%3Db')).toBe(true);
    expect(allowed('sip:1003@127.0.0.2')).toBe(false);
    expect(allowed('sip:1003@127.0.0.1.evil.example')).toBe(false);
    expect(allowed('sip:+19005550100@gateway.example.com')).toBe(false);
    expect(referTargetAllowed(UserAgent.makeURI('sip:1003@PBX.Example.COM')!, 'pbx.example.com')).toBe(true);
    expect(referTargetAllowed(UserAgent.makeURI('sip:1003@pbx.example.com')!, '')).toBe(false);
  });
});

describe('being the transfer target (INVITE with Replaces)', () => {
  it('answers at once without ringing, and the replaced call ends as transferred', async () => {
    const phone = await registeredPhone();
    const consult = await establishedOutbound(phone, 'sip:1003@127.0.0.1');
    const ourTag = /tag=([^;>\s]+)/.exec(consult.invite.header('From')!)![1]!;
    const known = new Set(phone.current().map((c) => c.id));

    phone.server.deliver(
      request('INVITE', {
        callId: 'replacing-1',
        from: '"Bob Caller" <sip:1002@127.0.0.1>;tag=bob',
        to: '<sip:1001@127.0.0.1>',
        cseq: 1,
        body: sdp('sendrecv'),
        headers: [`Replaces: ${consult.far.callId};to-tag=${ourTag};from-tag=far`],
      }),
    );
    await flush();
    expect(phone.server.responses('replacing-1').map((r) => r.status)).toEqual([100, 200]);
    const ok = phone.server.responses('replacing-1')[1]!;
    phone.server.deliver(request('ACK', { callId: 'replacing-1', from: '"Bob Caller" <sip:1002@127.0.0.1>;tag=bob', to: ok.header('To')!, cseq: 1 }));
    await flush();

    const taking = phone.emissions.flat().filter((c) => !known.has(c.id));
    expect(taking.map((c) => c.state)).not.toContain('incoming');
    const newId = taking[0]!.id;
    expect(phone.call(newId)).toMatchObject({ state: 'active', direction: 'inbound', peer: { user: '1002' } });
    expect(phone.call(consult.id)).toMatchObject({ state: 'ended', end: { reason: 'transferred', by: 'remote' } });
    expect(phone.server.requests('BYE', consult.far.callId)).toHaveLength(1);
  });

  it('an INVITE replacing a dialog we do not have is refused with 481', async () => {
    const phone = await registeredPhone();
    phone.server.deliver(
      request('INVITE', {
        callId: 'replacing-2',
        from: '<sip:1002@127.0.0.1>;tag=bob',
        to: '<sip:1001@127.0.0.1>',
        cseq: 1,
        body: sdp('sendrecv'),
        headers: ['Replaces: nope;to-tag=a;from-tag=b'],
      }),
    );
    await flush();
    expect(phone.server.responses('replacing-2').at(-1)?.status).toBe(481);
    expect(phone.current()).toEqual([]);
  });
});
