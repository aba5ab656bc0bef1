import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { callThePhone, establishedOutbound, flush, registeredPhone } from '../../../../fakes/sip-call-peer';
import { response, sdp } from '../../../../fakes/sip-fake-transport';

/* Mute, hold (ours and the peer's), DTMF, cleanup: real sip.js, fake transport and media. */

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
});

describe('hold', () => {
  it('holding sends a re-INVITE offering a=sendonly and silences the call both ways; resuming offers a=sendrecv', async () => {
    const phone = await registeredPhone();
    const { id, far } = await establishedOutbound(phone);
    const handler = phone.media.handlers[0]!;

    phone.telephony.setHeld(id, true);
    expect(phone.call(id)?.held).toBe(true);
    expect([handler.sending, handler.receiving]).toEqual([false, false]);
    await flush();
    const reinvites = phone.server.requests('INVITE', far.callId).slice(1);
    expect(reinvites).toHaveLength(1);
    expect(reinvites[0]?.body).toMatch(/a=sendonly\r\n/);
    expect(handler.offers.at(-1)?.options).toMatchObject({ hold: true });
    phone.server.deliver(response(reinvites[0]!, 200, 'OK', [], { body: sdp('recvonly') }));
    await flush();
    expect(phone.server.requests('ACK', far.callId)).toHaveLength(2);

    phone.telephony.setHeld(id, false);
    await flush();
    const resume = phone.server.requests('INVITE', far.callId)[2];
    expect(resume?.body).toMatch(/a=sendrecv\r\n/);
    expect(phone.call(id)?.held).toBe(false);
    expect([handler.sending, handler.receiving]).toEqual([true, true]);
  });

  it('a refused hold re-INVITE (488, 408) keeps the call held and silent on our side, without resending', async () => {
    for (const [code, reason] of [[488, 'Not Acceptable Here'], [408, 'Request Timeout']] as const) {
      const phone = await registeredPhone();
      const { id, far } = await establishedOutbound(phone);
      const handler = phone.media.handlers[0]!;
      phone.telephony.setHeld(id, true);
      await flush();
      const [, reinvite] = phone.server.requests('INVITE', far.callId);
      phone.server.deliver(response(reinvite!, code, reason));
      await flush();
      await vi.advanceTimersByTimeAsync(10_000);
      // with call waiting, un-holding here would let this caller hear the other conversation
      expect(phone.call(id), `${code}`).toMatchObject({ state: 'active', held: true });
      expect([handler.sending, handler.receiving]).toEqual([false, false]);
      expect(phone.server.requests('INVITE', far.callId)).toHaveLength(2);

      // resuming: the peer never left sendrecv, so nothing needs sending; our media comes back
      phone.telephony.setHeld(id, false);
      await flush();
      expect(phone.call(id)?.held).toBe(false);
      expect([handler.sending, handler.receiving]).toEqual([true, true]);
      expect(phone.server.requests('INVITE', far.callId)).toHaveLength(2);
      await far.reinvite('sendrecv'); // sip.js answers the peer's re-INVITE off hold again
      expect(handler.offers.at(-1)?.options).toMatchObject({ hold: false });
      // and a later hold tries again
      phone.telephony.setHeld(id, true);
      await flush();
      expect(phone.server.requests('INVITE', far.callId)).toHaveLength(3);
    }
  });

  it('a hold re-INVITE answered 491 (crossing re-INVITEs) is retried once after 2.1–4 s', async () => {
    const phone = await registeredPhone();
    const { id, far } = await establishedOutbound(phone);
    const handler = phone.media.handlers[0]!;
    phone.telephony.setHeld(id, true);
    await flush();
    const first = phone.server.requests('INVITE', far.callId)[1]!;
    phone.server.deliver(response(first, 491, 'Request Pending'));
    await flush();
    expect(phone.call(id)?.held).toBe(true);
    expect([handler.sending, handler.receiving]).toEqual([false, false]);
    await vi.advanceTimersByTimeAsync(2_000);
    expect(phone.server.requests('INVITE', far.callId)).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(2_000);
    const retry = phone.server.requests('INVITE', far.callId)[2];
    expect(retry?.body).toMatch(/a=sendonly\r\n/);

    // a second 491: no more retries, the call stays held on our side
    phone.server.deliver(response(retry!, 491, 'Request Pending'));
    await flush();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(phone.server.requests('INVITE', far.callId)).toHaveLength(3);
    expect(phone.call(id)).toMatchObject({ state: 'active', held: true });
    expect([handler.sending, handler.receiving]).toEqual([false, false]);
  });

  it('a 491 retry that succeeds confirms the hold; a call that ends meanwhile sends no retry', async () => {
    const phone = await registeredPhone();
    const a = await establishedOutbound(phone, 'sip:1002@127.0.0.1');
    phone.telephony.setHeld(a.id, true);
    await flush();
    phone.server.deliver(response(phone.server.requests('INVITE', a.far.callId)[1]!, 491, 'Request Pending'));
    await flush();
    await vi.advanceTimersByTimeAsync(4_000);
    const retry = phone.server.requests('INVITE', a.far.callId)[2]!;
    phone.server.deliver(response(retry, 200, 'OK', [], { body: sdp('recvonly') }));
    await flush();
    expect(phone.call(a.id)?.held).toBe(true);
    phone.telephony.setHeld(a.id, false); // confirmed hold: resuming sends a re-INVITE
    await flush();
    expect(phone.server.requests('INVITE', a.far.callId)[3]?.body).toMatch(/a=sendrecv\r\n/);

    const b = await establishedOutbound(phone, 'sip:1003@127.0.0.1');
    phone.telephony.setHeld(b.id, true);
    await flush();
    phone.server.deliver(response(phone.server.requests('INVITE', b.far.callId)[1]!, 491, 'Request Pending'));
    await flush();
    phone.telephony.hangup(b.id);
    await flush();
    await vi.advanceTimersByTimeAsync(4_000);
    expect(phone.server.requests('INVITE', b.far.callId)).toHaveLength(2);
  });

  it('hold and resume clicked quickly end with the peer in the state asked for last', async () => {
    const phone = await registeredPhone();
    const { id, far } = await establishedOutbound(phone);
    phone.telephony.setHeld(id, true);
    phone.telephony.setHeld(id, false);
    phone.telephony.setHeld(id, true);
    await flush();
    const first = phone.server.requests('INVITE', far.callId)[1]!;
    phone.server.deliver(response(first, 200, 'OK', [], { body: sdp('recvonly') }));
    await flush();
    // the first re-INVITE already offered hold, which is what was asked for last: no more
    expect(phone.server.requests('INVITE', far.callId)).toHaveLength(2);
    expect(phone.call(id)?.held).toBe(true);
  });

  it('the peer holding us (re-INVITE a=sendonly or a=inactive) shows as remoteHeld until it resumes', async () => {
    const phone = await registeredPhone();
    const { id, far } = await establishedOutbound(phone);
    await far.reinvite('sendonly');
    expect(phone.call(id)?.remoteHeld).toBe(true);
    const answer = phone.server.responses(far.callId).at(-1);
    expect(answer?.status).toBe(200);
    expect(answer?.body).toMatch(/a=sendrecv|a=recvonly/); // (the fake media always answers sendrecv)
    await far.reinvite('sendrecv');
    expect(phone.call(id)?.remoteHeld).toBe(false);
    await far.reinvite('inactive');
    expect(phone.call(id)?.remoteHeld).toBe(true);
  });

  it('an incoming call on hold by its caller from the start is not remote-held until a re-INVITE says so', async () => {
    const phone = await registeredPhone();
    const { id } = await callThePhone(phone, 'rh-1');
    expect(phone.call(id)?.remoteHeld).toBe(false);
  });
});

describe('mute', () => {
  it('mute disables the microphone track sent to the peer, without any SIP', async () => {
    const phone = await registeredPhone();
    const { id, far } = await establishedOutbound(phone);
    const sentBefore = phone.server.sent.length;
    phone.telephony.setMuted(id, true);
    expect(phone.call(id)?.muted).toBe(true);
    expect(phone.media.handlers[0]?.sending).toBe(false);
    phone.telephony.setMuted(id, false);
    expect(phone.media.handlers[0]?.sending).toBe(true);
    await flush();
    expect(phone.server.requests('INVITE', far.callId)).toHaveLength(1);
    expect(phone.server.sent.length).toBe(sentBefore);
  });

  it('unmuting a held call keeps the microphone off until it is resumed', async () => {
    const phone = await registeredPhone();
    const { id } = await establishedOutbound(phone);
    phone.telephony.setMuted(id, true);
    phone.telephony.setHeld(id, true);
    phone.telephony.setMuted(id, false);
    expect(phone.media.handlers[0]?.sending).toBe(false);
  });
});

describe('DTMF', () => {
  it('with SIP INFO, sends one INFO per digit, in order, as application/dtmf-relay', async () => {
    const phone = await registeredPhone();
    phone.telephony.configureMedia({ microphoneId: null, speakerId: null, dtmfMode: 'info' });
    const { id, far } = await establishedOutbound(phone);
    phone.telephony.sendDtmf(id, '5#x');
    await flush();
    const infos = phone.server.requests('INFO', far.callId);
    expect(infos.map((info) => info.body)).toEqual(['Signal=5\r\nDuration=160', 'Signal=#\r\nDuration=160']);
    expect(infos[0]?.header('Content-Type')).toBe('application/dtmf-relay');
  });

  it('with RFC 4733, hands the digits to the media (no INFO)', async () => {
    const phone = await registeredPhone();
    const { id, far } = await establishedOutbound(phone);
    phone.telephony.sendDtmf(id, '12*');
    await flush();
    expect(phone.media.handlers[0]?.dtmf).toEqual(['12*']);
    expect(phone.server.requests('INFO', far.callId)).toHaveLength(0);
  });

  it('falls back to SIP INFO when the media cannot carry telephone-events', async () => {
    const phone = await registeredPhone();
    const { id, far } = await establishedOutbound(phone);
    phone.media.handlers[0]!.canSendDtmf = false;
    phone.telephony.sendDtmf(id, '9');
    await flush();
    expect(phone.server.requests('INFO', far.callId).map((i) => i.body)).toEqual(['Signal=9\r\nDuration=160']);
  });

  it('ignores digits before the call is answered', async () => {
    const phone = await registeredPhone();
    const id = phone.telephony.dial('sip:1002@127.0.0.1');
    await flush();
    phone.telephony.sendDtmf(id, '1');
    await flush();
    expect(phone.server.requests('INFO')).toHaveLength(0);
    expect(phone.media.handlers[0]?.dtmf).toEqual([]);
  });
});

describe('cleanup', () => {
  it('twenty calls in a row leave no timer, media handler or call behind', async () => {
    const phone = await registeredPhone();
    await vi.advanceTimersByTimeAsync(0);
    const timersBefore = vi.getTimerCount();
    for (let i = 0; i < 20; i += 1) {
      const { id, far } = await establishedOutbound(phone);
      if (i % 2) phone.telephony.hangup(id);
      else far.bye();
      await flush();
    }
    await vi.advanceTimersByTimeAsync(40_000); // SIP transactions linger for Timer K/J, then go
    await flush();
    expect(phone.media.handlers).toHaveLength(20);
    expect(phone.media.handlers.every((handler) => handler.closed)).toBe(true);
    // the last call is announced ended once; nothing else is left
    expect(phone.current().map((c) => c.state)).toEqual(['ended']);
    expect(vi.getTimerCount()).toBe(timersBefore);
  });

  it('dispose hangs up every call: BYE for answered ones, CANCEL for ringing ones', async () => {
    const phone = await registeredPhone();
    const answered = await establishedOutbound(phone);
    const ringing = phone.telephony.dial('sip:1003@127.0.0.1');
    await flush();
    const ringingInvite = phone.server.requests('INVITE').at(-1)!;
    phone.server.deliver(response(ringingInvite, 180, 'Ringing', [], { toTag: 'r' }));
    await flush();
    await phone.telephony.dispose();
    expect(phone.server.requests('BYE', answered.far.callId)).toHaveLength(1);
    expect(phone.server.requests('CANCEL', ringingInvite.header('Call-ID'))).toHaveLength(1);
    expect(phone.call(answered.id)?.state).toBe('ended');
    expect(phone.call(ringing)?.state).toBe('ended');
  });

  it('signing out hangs up live calls (BYE, 603) and un-REGISTERs', async () => {
    const phone = await registeredPhone();
    const { id, far } = await establishedOutbound(phone);
    const ringing = await callThePhone(phone, 'out-1');
    phone.telephony.execute({ type: 'unregister' });
    await flush();
    expect(phone.server.requests('BYE', far.callId)).toHaveLength(1);
    expect(phone.server.responses('out-1').at(-1)?.status).toBe(603);
    expect(phone.server.registers.at(-1)?.contactExpires).toBe(0);
    expect(phone.call(id)?.end).toEqual({ reason: 'hangup', by: 'local' });
    expect(phone.call(ringing.id)?.end).toMatchObject({ reason: 'declined', by: 'local' });
  });

  it('operations on unknown or ended calls are ignored and never throw', async () => {
    const phone = await registeredPhone();
    const { id } = await establishedOutbound(phone);
    phone.telephony.hangup(id);
    await flush();
    const count = phone.emissions.length;
    for (const target of [id, 'nope']) {
      expect(() => {
        phone.telephony.answer(target);
        phone.telephony.decline(target, 'busy');
        phone.telephony.hangup(target);
        phone.telephony.setMuted(target, true);
        phone.telephony.setHeld(target, true);
        phone.telephony.sendDtmf(target, '1');
        phone.telephony.blindTransfer(target, 'sip:1003@127.0.0.1');
        phone.telephony.completeTransfer(target, 'other');
      }).not.toThrow();
    }
    await flush();
    expect(phone.emissions.length).toBe(count);
  });
});
