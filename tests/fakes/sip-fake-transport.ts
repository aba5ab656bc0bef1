import { createHash } from 'node:crypto';
import type { UserAgentOptions } from 'sip.js';
import type { EngineAccount } from '../../common/schemas/account';

/*
 * A SIP server in a box for the sip.js engine's unit tests: a fake WebSocket
 * transport (sip.js's `transportConstructor` option) joined to a scripted
 * registrar that speaks raw SIP — digest challenges checked against the HA1,
 * 200/403/404/423, silence, dropped connections — and the far end of calls:
 * every non-REGISTER message the phone sends is parsed and kept, and tests
 * answer or send requests with the raw-SIP builders below.
 */

export const md5 = (text: string): string => createHash('md5').update(text).digest('hex');
export const HA1 = md5('1001:127.0.0.1:pass1001');
export const SERVER = 'ws://127.0.0.1:18080';

export const ACCOUNT: EngineAccount = {
  aor: 'sip:1001@127.0.0.1',
  displayName: 'Alice Agent',
  authorizationUsername: '1001',
  authorizationHa1: HA1,
  realm: '127.0.0.1',
  wsServer: SERVER,
  iceServers: [],
  registerExpires: 600,
};

// ---------------------------------------------------------------- raw SIP

export interface SipMessage {
  raw: string;
  /** Request method, or undefined for a response. */
  method: string | undefined;
  /** Request-URI (requests only). */
  uri: string | undefined;
  /** Status code (responses only). */
  status: number | undefined;
  header(name: string): string | undefined;
  body: string;
}

/** Kept for the registration tests' names. */
export type SipRequest = SipMessage & { contactExpires: number | undefined };

export function parseMessage(raw: string): SipRequest {
  const split = raw.indexOf('\r\n\r\n');
  const head = split === -1 ? raw : raw.slice(0, split);
  const body = split === -1 ? '' : raw.slice(split + 4);
  const lines = head.split('\r\n');
  const first = lines[0] ?? '';
  const isResponse = first.startsWith('SIP/2.0 ');
  const header = (name: string): string | undefined => {
    const prefix = `${name.toLowerCase()}:`;
    return lines.find((line) => line.toLowerCase().startsWith(prefix))?.slice(prefix.length).trim();
  };
  const expires = /;expires=(\d+)/.exec(header('Contact') ?? '')?.[1];
  return {
    raw,
    method: isResponse ? undefined : first.split(' ')[0],
    uri: isResponse ? undefined : first.split(' ')[1],
    status: isResponse ? Number(first.split(' ')[1]) : undefined,
    header,
    body,
    contactExpires: expires === undefined ? undefined : Number(expires),
  };
}

/** Kept for the registration tests. */
export const parseRequest = parseMessage;

export const SDP_ANSWER = sdp('sendrecv');

/** A small but valid audio SDP with this direction. */
export function sdp(direction: 'sendrecv' | 'sendonly' | 'recvonly' | 'inactive', address = '127.0.0.1'): string {
  return ['v=0', 'o=- 42 2 IN IP4 127.0.0.1', 's=-', `c=IN IP4 ${address}`, 't=0 0', 'm=audio 40000 RTP/AVP 0 101', 'a=rtpmap:0 PCMU/8000', 'a=rtpmap:101 telephone-event/8000', `a=${direction}`, ''].join('\r\n');
}

/** A response to a request the phone sent. `toTag` is added unless the To already has one. */
export function response(
  request: SipMessage,
  code: number,
  reason: string,
  extra: string[] = [],
  options: { toTag?: string; body?: string; contentType?: string } = {},
): string {
  const to = request.header('To') ?? '';
  const body = options.body ?? '';
  return [
    `SIP/2.0 ${code} ${reason}`,
    `Via: ${request.header('Via')}`,
    `From: ${request.header('From')}`,
    `To: ${to.includes(';tag=') ? to : `${to};tag=${options.toTag ?? `srv${code}`}`}`,
    `Call-ID: ${request.header('Call-ID')}`,
    `CSeq: ${request.header('CSeq')}`,
    ...extra,
    ...(body ? [`Content-Type: ${options.contentType ?? 'application/sdp'}`] : []),
    'Server: fake-registrar',
    `Content-Length: ${new TextEncoder().encode(body).length}`,
    '',
    body,
  ].join('\r\n');
}

let branchCounter = 0;

/** A request *to* the phone (from the far end of a call), e.g. an INVITE, BYE, REFER or NOTIFY. */
export function request(
  method: string,
  options: {
    uri?: string;
    callId: string;
    from: string;
    to: string;
    cseq: number;
    branch?: string;
    headers?: string[];
    body?: string;
    contentType?: string;
  },
): string {
  const body = options.body ?? '';
  branchCounter += 1;
  return [
    `${method} ${options.uri ?? 'sip:1001@127.0.0.1;transport=ws'} SIP/2.0`,
    `Via: SIP/2.0/WS 127.0.0.1:18080;branch=${options.branch ?? `z9hG4bK-t${branchCounter}`}`,
    'Max-Forwards: 70',
    `From: ${options.from}`,
    `To: ${options.to}`,
    `Call-ID: ${options.callId}`,
    `CSeq: ${options.cseq} ${method}`,
    'Contact: <sip:1002@127.0.0.1:5070;transport=ws>',
    ...(options.headers ?? []),
    ...(body ? [`Content-Type: ${options.contentType ?? 'application/sdp'}`] : []),
    `Content-Length: ${new TextEncoder().encode(body).length}`,
    '',
    body,
  ].join('\r\n');
}

/** Kept for the registration tests: a bare INVITE from 1002 with no SDP. */
export function incomingInvite(callId: string): string {
  return request('INVITE', {
    callId,
    branch: `z9hG4bK-${callId}`,
    from: `"Bob Caller" <sip:1002@127.0.0.1>;tag=caller-${callId}`,
    to: '<sip:1001@127.0.0.1>',
    cseq: 1,
  });
}

/** Checks the digest the way a registrar would, from the HA1 alone. */
export function digestIsValid(request: SipMessage, ha1: string): boolean {
  const auth = request.header('Authorization');
  if (!auth) return false;
  const param = (name: string): string => new RegExp(`${name}="?([^",]+)"?`).exec(auth)?.[1] ?? '';
  const ha2 = md5(`REGISTER:${param('uri')}`);
  const expected = param('qop')
    ? md5(`${ha1}:${param('nonce')}:${param('nc')}:${param('cnonce')}:${param('qop')}:${ha2}`)
    : md5(`${ha1}:${param('nonce')}:${ha2}`);
  return param('response') === expected;
}

// ---------------------------------------------------------------- server

export type Answer = { code: number; reason: string; headers?: string[] } | 'silent';

/**
 * A registrar with digest auth (`answer` may be replaced per test), and the
 * far end of every call. Non-REGISTER messages from the phone are kept in
 * `sent`; BYE, INFO, NOTIFY and CANCEL are answered 200 at once (a CANCEL
 * also gets its INVITE a 487) unless `autoAnswer` is turned off.
 */
export class FakeSipServer {
  up = true;
  grantSeconds: number | undefined = undefined;
  autoAnswer = true;
  readonly transports: FakeTransport[] = [];
  readonly registers: SipRequest[] = [];
  /** Everything the phone sent that is not a REGISTER (raw). */
  readonly other: string[] = [];
  /** The same, parsed. */
  readonly sent: SipMessage[] = [];
  answer: (request: SipRequest) => Answer = (request) => this.digestRegistrar(request);

  digestRegistrar(request: SipRequest): Answer {
    if (!request.header('Authorization') || !digestIsValid(request, HA1)) {
      return { code: 401, reason: 'Unauthorized', headers: ['WWW-Authenticate: Digest realm="127.0.0.1", nonce="n0nce42", qop="auth", algorithm=MD5'] };
    }
    return this.ok(request);
  }

  ok(request: SipRequest): Answer {
    const requested = request.contactExpires ?? 3600;
    if (requested === 0) return { code: 200, reason: 'OK' };
    const granted = this.grantSeconds === undefined ? requested : Math.min(requested, this.grantSeconds);
    const contact = (request.header('Contact') ?? '').replace(/;expires=\d+/, `;expires=${granted}`);
    return { code: 200, reason: 'OK', headers: [`Contact: ${contact}`] };
  }

  handle(raw: string, transport: FakeTransport): void {
    if (!raw.startsWith('REGISTER ')) {
      this.other.push(raw);
      const message = parseMessage(raw);
      this.sent.push(message);
      if (this.autoAnswer) this.autoRespond(message, transport);
      return;
    }
    const request = parseMessage(raw);
    this.registers.push(request);
    const answer = this.answer(request);
    if (answer === 'silent') return;
    // Deliver after the transaction is in place, like a network would.
    queueMicrotask(() => transport.receive(response(request, answer.code, answer.reason, answer.headers)));
  }

  /** Requests the phone sent with this method (optionally in one call). */
  requests(method: string, callId?: string): SipMessage[] {
    return this.sent.filter((m) => m.method === method && (callId === undefined || m.header('Call-ID') === callId));
  }

  /** Responses the phone sent (optionally in one call). */
  responses(callId?: string): SipMessage[] {
    return this.sent.filter((m) => m.status !== undefined && (callId === undefined || m.header('Call-ID') === callId));
  }

  /** Delivers a raw message to the phone over the (first connected) WebSocket. */
  deliver(raw: string): void {
    const transport = this.connectedTransports[0];
    if (!transport) throw new Error('the phone is not connected');
    transport.receive(raw);
  }

  private autoRespond(message: SipMessage, transport: FakeTransport): void {
    const method = message.method;
    if (method !== 'BYE' && method !== 'INFO' && method !== 'NOTIFY' && method !== 'CANCEL') return;
    queueMicrotask(() => {
      transport.receive(response(message, 200, 'OK'));
      if (method !== 'CANCEL') return;
      const invite = this.requests('INVITE', message.header('Call-ID')).find((r) => r.header('Via') === message.header('Via'));
      if (invite) transport.receive(response(invite, 487, 'Request Terminated'));
    });
  }

  get transportClass(): NonNullable<UserAgentOptions['transportConstructor']> {
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    const server = this;
    class BoundFakeTransport extends FakeTransport {
      constructor(_logger: unknown, options: Record<string, unknown>) {
        super(server, options);
      }
    }
    return BoundFakeTransport as unknown as NonNullable<UserAgentOptions['transportConstructor']>;
  }

  get connectedTransports(): FakeTransport[] {
    return this.transports.filter((t) => t.isConnected());
  }
}

/** Implements sip.js's Transport interface structurally. */
export class FakeTransport {
  readonly protocol = 'WS';
  state: 'Connecting' | 'Connected' | 'Disconnecting' | 'Disconnected' = 'Disconnected';
  readonly stateChange = { addListener: () => undefined, removeListener: () => undefined, on: () => undefined, off: () => undefined, once: () => undefined };
  onConnect: (() => void) | undefined;
  onDisconnect: ((error?: Error) => void) | undefined;
  onMessage: ((message: string) => void) | undefined;
  connects = 0;
  disposed = false;
  /** Stands in for the WebSocket sip.js's web transport exposes as `ws` (its `send` takes the phone's own CRLF probes). */
  ws: (EventTarget & { send(data: string): void }) | undefined;
  /** What the phone wrote straight onto the socket, bypassing sip.js (keep-alive probes). */
  readonly socketWrites: string[] = [];
  /** Whether the server answers a CRLF probe written on the socket with a CRLF pong. */
  answersProbes = false;

  constructor(
    private readonly server: FakeSipServer,
    readonly options: Record<string, unknown>,
  ) {
    server.transports.push(this);
  }

  connect(): Promise<void> {
    if (this.state === 'Connected') return Promise.resolve();
    this.connects += 1;
    this.state = 'Connecting';
    return new Promise((resolve, reject) => {
      queueMicrotask(() => {
        if (this.state !== 'Connecting') return reject(new Error('Connect aborted.'));
        if (!this.server.up) {
          this.state = 'Disconnected';
          return reject(new Error(`WebSocket closed ${SERVER} (code: 1006)`));
        }
        this.state = 'Connected';
        this.ws = Object.assign(new EventTarget(), {
          send: (data: string): void => {
            this.socketWrites.push(data);
            if (this.answersProbes && /^(\r\n)+$/.test(data)) queueMicrotask(() => this.pong());
          },
        });
        this.onConnect?.();
        resolve();
      });
    });
  }

  disconnect(): Promise<void> {
    const was = this.state;
    this.state = 'Disconnected';
    this.ws?.dispatchEvent(new Event('close'));
    this.ws = undefined;
    if (was === 'Connected') this.onDisconnect?.();
    return Promise.resolve();
  }

  dispose(): Promise<void> {
    this.disposed = true;
    return this.disconnect();
  }

  isConnected(): boolean {
    return this.state === 'Connected';
  }

  send(message: string): Promise<void> {
    if (this.state !== 'Connected') return Promise.reject(new Error('Not connected.'));
    this.server.handle(message, this);
    return Promise.resolve();
  }

  /** The server side closed or the network died. */
  drop(): void {
    if (this.state !== 'Connected') return;
    this.state = 'Disconnected';
    this.ws?.dispatchEvent(new Event('close'));
    this.ws = undefined;
    this.onDisconnect?.(new Error(`WebSocket closed ${SERVER} (code: 1006)`));
  }

  receive(raw: string): void {
    if (this.state !== 'Connected') return;
    this.ws?.dispatchEvent(Object.assign(new Event('message'), { data: raw }));
    this.onMessage?.(raw);
  }

  /** The server answers a CRLF keep-alive ping (sip.js consumes these inside its transport). */
  pong(): void {
    this.ws?.dispatchEvent(Object.assign(new Event('message'), { data: '\r\n' }));
  }
}
