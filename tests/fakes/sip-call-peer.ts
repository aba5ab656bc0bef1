import { expect, vi } from 'vitest';
import { callSnapshotSchema, type CallSnapshot } from '../../common/schemas/call';
import { createSipJsTelephony, type SipJsTelephonyOptions } from '../../renderer/telephony/sipjs/engine';
import type { Telephony } from '../../renderer/telephony/telephony';
import { createFakeSessionDescriptionHandlerFactory, type FakeSessionDescriptionHandlerFactory } from './fake-session-description-handler';
import { ACCOUNT, FakeSipServer, request, response, SDP_ANSWER, sdp, type SipMessage } from './sip-fake-transport';

/*
 * The far end of calls for the sip.js engine's call tests: a registered
 * Ringdesk engine (real sip.js, fake transport, fake media handler) and small
 * raw-SIP moves — answer our INVITE, call us, BYE, CANCEL, re-INVITE, REFER,
 * NOTIFY — that keep the dialog's tags and CSeq straight.
 */

export const FAR_CONTACT = 'Contact: <sip:1002@127.0.0.1:5070;transport=ws>';

export async function flush(): Promise<void> {
  for (let i = 0; i < 30; i += 1) await Promise.resolve();
  await vi.advanceTimersByTimeAsync(0);
}

export interface CallHarness {
  server: FakeSipServer;
  telephony: Telephony;
  media: FakeSessionDescriptionHandlerFactory;
  logs: string[];
  /** Every emission of onCallsChanged, in order. */
  emissions: CallSnapshot[][];
  /** The latest snapshot of a call (from the last emission that had it). */
  call(id: string): CallSnapshot | undefined;
  /** The ids in the latest emission. */
  current(): CallSnapshot[];
}

export async function registeredPhone(options: Partial<SipJsTelephonyOptions> = {}): Promise<CallHarness> {
  const server = new FakeSipServer();
  const logs: string[] = [];
  const media = createFakeSessionDescriptionHandlerFactory();
  const telephony = createSipJsTelephony({
    transportConstructor: server.transportClass,
    sessionDescriptionHandlerFactory: media,
    log: (level, line) => logs.push(`${level} ${line}`),
    ...options,
  });
  const emissions: CallSnapshot[][] = [];
  telephony.onCallsChanged((calls) => {
    for (const call of calls) expect(callSnapshotSchema.safeParse(call).success, JSON.stringify(call)).toBe(true);
    emissions.push(calls);
  });
  telephony.execute({ type: 'register', account: ACCOUNT, incoming: 'ring' });
  await flush();
  const call = (id: string): CallSnapshot | undefined => {
    for (let i = emissions.length - 1; i >= 0; i -= 1) {
      const found = emissions[i]!.find((c) => c.id === id);
      if (found) return found;
    }
    return undefined;
  };
  return { server, telephony, media, logs, emissions, call, current: () => emissions.at(-1) ?? [] };
}

/** One dialog seen from the far end. */
export class FarEnd {
  private cseq = 10;

  constructor(
    private readonly server: FakeSipServer,
    readonly callId: string,
    /** Our (far end) From for requests we send, with tag. */
    readonly farHeader: string,
    /** The phone's side, with its tag. */
    readonly phoneHeader: string,
  ) {}

  /** Sends an in-dialog request to the phone; returns its CSeq number. */
  send(method: string, options: { body?: string; contentType?: string; headers?: string[] } = {}): number {
    this.cseq += 1;
    this.server.deliver(request(method, { callId: this.callId, from: this.farHeader, to: this.phoneHeader, cseq: this.cseq, ...options }));
    return this.cseq;
  }

  bye(): void {
    this.send('BYE');
  }

  /** A re-INVITE with this direction; once the phone has answered, the ACK. */
  async reinvite(direction: 'sendrecv' | 'sendonly' | 'inactive'): Promise<void> {
    const cseq = this.send('INVITE', { body: sdp(direction) });
    await flush();
    this.ack(cseq);
    await flush();
  }

  /** ACK for the phone's 2xx to a (re-)INVITE. */
  ack(cseq: number): void {
    this.server.deliver(request('ACK', { callId: this.callId, from: this.farHeader, to: this.phoneHeader, cseq }));
  }
}

/** Our outbound call answered with 200: the far end of its dialog. */
export async function answerOutbound(harness: CallHarness, invite: SipMessage, tag = 'far'): Promise<FarEnd> {
  harness.server.deliver(response(invite, 180, 'Ringing', [FAR_CONTACT], { toTag: tag }));
  harness.server.deliver(response(invite, 200, 'OK', [FAR_CONTACT], { toTag: tag, body: SDP_ANSWER }));
  await flush();
  const to = invite.header('To') ?? '';
  return new FarEnd(harness.server, invite.header('Call-ID') ?? '', `${to};tag=${tag}`, invite.header('From') ?? '');
}

/** Dials and gets the call answered. */
export async function establishedOutbound(harness: CallHarness, target = 'sip:1002@127.0.0.1'): Promise<{ id: string; far: FarEnd; invite: SipMessage }> {
  const before = harness.server.requests('INVITE').length;
  const id = harness.telephony.dial(target);
  await flush();
  const invite = harness.server.requests('INVITE')[before];
  if (!invite) throw new Error('no INVITE went out');
  const far = await answerOutbound(harness, invite);
  expect(harness.call(id)?.state).toBe('active');
  return { id, far, invite };
}

/** The far end calls the phone; resolves once the phone rings. */
export async function callThePhone(
  harness: CallHarness,
  callId: string,
  options: { from?: string; headers?: string[]; body?: string } = {},
): Promise<{ id: string; invite: string; from: string }> {
  const from = options.from ?? `"Bob Caller" <sip:1002@127.0.0.1>;tag=caller-${callId}`;
  const invite = request('INVITE', {
    callId,
    branch: `z9hG4bK-${callId}`,
    from,
    to: '<sip:1001@127.0.0.1>',
    cseq: 1,
    body: options.body ?? sdp('sendrecv'),
    headers: options.headers,
  });
  const known = new Set(harness.emissions.flat().map((c) => c.id));
  harness.server.deliver(invite);
  await flush();
  const id = harness.emissions.flat().find((c) => c.direction === 'inbound' && !known.has(c.id))?.id;
  if (!id) throw new Error('the phone did not take the call');
  return { id, invite, from };
}

/** Answers an incoming call on the phone and ACKs its 200. */
export async function answerIncoming(harness: CallHarness, id: string, callId: string, from: string): Promise<FarEnd> {
  harness.telephony.answer(id);
  await flush();
  const ok = harness.server.responses(callId).find((r) => r.status === 200 && (r.header('CSeq') ?? '').endsWith('INVITE'));
  if (!ok) throw new Error('the phone did not send 200 OK');
  const far = new FarEnd(harness.server, callId, from, ok.header('To') ?? '');
  far.ack(1);
  await flush();
  return far;
}
