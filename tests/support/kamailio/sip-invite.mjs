// A minimal SIP UAC over UDP (plain node:dgram) that places one real call through
// the test bed's Kamailio: INVITE -> collect 1xx -> final response -> ACK (and for a
// 2xx: ACK then BYE). Tests use it to ring the app from "outside" (e.g. to see it
// answer 486 Busy Here) without a second softphone. Deliberately small and
// readable rather than complete: one call, one dialog, loopback only.

import { createHash, randomBytes } from 'node:crypto';
import dgram from 'node:dgram';

/** @typedef {import('./sip-invite.d.mts').SendInviteOptions} SendInviteOptions */
/** @typedef {import('./sip-invite.d.mts').SendInviteResult} SendInviteResult */
/** @typedef {import('./sip-invite.d.mts').SipMessage} SipMessage */

const PROXY_HOST = '127.0.0.1';
/** RFC 3261 T1: first retransmission interval of INVITE / non-INVITE requests over UDP. */
const T1_MS = 500;
/** How long to wait for the 487 after a CANCEL, and for the answer to our BYE. */
const CLOSE_WAIT_MS = 4000;

// ---------------------------------------------------------------------------
// Message parsing and building
// ---------------------------------------------------------------------------

/** Compact header forms (RFC 3261 7.3.3) -> full lower-case names. */
const COMPACT_HEADERS = /** @type {Record<string, string>} */ ({
  v: 'via', f: 'from', t: 'to', i: 'call-id', m: 'contact', l: 'content-length', c: 'content-type', k: 'supported',
});

/**
 * Parses a SIP request or response. Header names are lower-cased; each header
 * keeps all its occurrences (comma-joined values are NOT split here).
 * @param {string} raw
 * @returns {SipMessage}
 */
export function parseSipMessage(raw) {
  const split = raw.indexOf('\r\n\r\n');
  const head = split >= 0 ? raw.slice(0, split) : raw;
  const body = split >= 0 ? raw.slice(split + 4) : '';
  // unfold continuation lines (RFC 3261 7.3.1)
  const [startLine = '', ...lines] = head.replace(/\r\n[ \t]+/g, ' ').split('\r\n');
  /** @type {Map<string, string[]>} */
  const headers = new Map();
  for (const line of lines) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const rawName = line.slice(0, colon).trim().toLowerCase();
    const name = COMPACT_HEADERS[rawName] ?? rawName;
    headers.set(name, [...(headers.get(name) ?? []), line.slice(colon + 1).trim()]);
  }
  const status = /^SIP\/2\.0 (\d{3}) ?(.*)$/.exec(startLine);
  const request = /^([A-Z]+) (\S+) SIP\/2\.0$/.exec(startLine);
  return {
    raw,
    isResponse: status !== null,
    status: status ? Number(status[1]) : null,
    reason: status ? (status[2] ?? '') : null,
    method: request ? (request[1] ?? null) : null,
    uri: request ? (request[2] ?? null) : null,
    headers,
    body,
    header: (name) => headers.get(name.toLowerCase())?.[0] ?? null,
  };
}

/**
 * Splits "a, <b;x=1,2>, c" on commas that are outside <> and quotes.
 * @param {string} value
 * @returns {string[]}
 */
export function splitHeaderList(value) {
  const parts = [];
  let depth = 0;
  let quoted = false;
  let current = '';
  for (const ch of value) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch === '<') depth++;
    else if (!quoted && ch === '>') depth--;
    if (ch === ',' && depth === 0 && !quoted) {
      parts.push(current.trim());
      current = '';
    } else {
      current += ch;
    }
  }
  if (current.trim()) parts.push(current.trim());
  return parts;
}

/**
 * @param {string} nameAddr e.g. '"Bob" <sip:1002@x;transport=ws>;expires=3'
 * @returns {string} the URI inside <>, or the value up to the first ';' when there are no <>
 */
const uriOf = (nameAddr) => /<([^>]*)>/.exec(nameAddr)?.[1] ?? nameAddr.split(';')[0]?.trim() ?? '';

/** @param {string | null} value */
const tagOf = (value) => (value ? (/;\s*tag=([^;>\s]+)/i.exec(value)?.[1] ?? null) : null);

/** @param {SipMessage} msg */
const topViaBranch = (msg) => /;\s*branch=([^;,\s]+)/i.exec(msg.header('via') ?? '')?.[1] ?? null;

/** @param {SipMessage} msg */
const cseqMethod = (msg) => (msg.header('cseq') ?? '').trim().split(/\s+/)[1] ?? '';

/**
 * @param {string} startLine
 * @param {Array<[string, string]>} headers
 * @param {string} [body]
 */
export function buildMessage(startLine, headers, body = '') {
  const lines = [startLine, ...headers.map(([name, value]) => `${name}: ${value}`)];
  lines.push(`Content-Length: ${Buffer.byteLength(body)}`, '', '');
  return lines.join('\r\n') + body;
}

const token = (bytes = 8) => randomBytes(bytes).toString('hex');
const newBranch = () => `z9hG4bK${token(8)}`;
/** @param {string} s */
const md5 = (s) => createHash('md5').update(s).digest('hex');

// ---------------------------------------------------------------------------
// Digest auth (for a Kamailio started with inviteAuth)
// ---------------------------------------------------------------------------

/**
 * @param {string} challenge WWW-Authenticate / Proxy-Authenticate value
 * @returns {Record<string, string>}
 */
function parseChallenge(challenge) {
  /** @type {Record<string, string>} */
  const params = {};
  for (const match of challenge.replace(/^Digest\s+/i, '').matchAll(/(\w+)=(?:"([^"]*)"|([^,\s]*))/g)) {
    params[(match[1] ?? '').toLowerCase()] = match[2] ?? match[3] ?? '';
  }
  return params;
}

/**
 * Builds the Authorization / Proxy-Authorization value answering an MD5 challenge.
 * @param {{ challenge: string, method: string, uri: string, user: string, password: string }} args
 * @returns {string}
 */
export function digestAuthorization({ challenge, method, uri, user, password }) {
  const c = parseChallenge(challenge);
  const realm = c.realm ?? '';
  const nonce = c.nonce ?? '';
  const ha1 = md5(`${user}:${realm}:${password}`);
  const ha2 = md5(`${method}:${uri}`);
  const fields = [`username="${user}"`, `realm="${realm}"`, `nonce="${nonce}"`, `uri="${uri}"`, 'algorithm=MD5'];
  const qop = c.qop?.split(',').map((q) => q.trim()).includes('auth') ? 'auth' : null;
  if (qop) {
    const nc = '00000001';
    const cnonce = token(8);
    fields.push(`response="${md5(`${ha1}:${nonce}:${nc}:${cnonce}:${qop}:${ha2}`)}"`, `qop=${qop}`, `nc=${nc}`, `cnonce="${cnonce}"`);
  } else {
    fields.push(`response="${md5(`${ha1}:${nonce}:${ha2}`)}"`);
  }
  if (c.opaque !== undefined) fields.push(`opaque="${c.opaque}"`);
  return `Digest ${fields.join(', ')}`;
}

// ---------------------------------------------------------------------------
// SDP offers
// ---------------------------------------------------------------------------

/**
 * Plain RTP offer: audio, PCMU/8000 + telephone-event. Enough for signalling tests;
 * a browser callee cannot *accept* it (WebRTC needs ICE + DTLS-SRTP), use 'webrtc' for that.
 * @param {number} mediaPort
 */
function plainSdp(mediaPort) {
  const id = Date.now();
  return [
    'v=0', `o=ringdesk-test ${id} ${id} IN IP4 127.0.0.1`, 's=-', 'c=IN IP4 127.0.0.1', 't=0 0',
    `m=audio ${mediaPort} RTP/AVP 0 101`,
    'a=rtpmap:0 PCMU/8000', 'a=rtpmap:101 telephone-event/8000', 'a=fmtp:101 0-16', 'a=sendrecv', '',
  ].join('\r\n');
}

/**
 * WebRTC-shaped offer (ICE credentials, a DTLS fingerprint, rtcp-mux, one loopback
 * host candidate) so a Chromium callee can setRemoteDescription() and answer 200 OK.
 * No media is actually exchanged: ICE towards our socket never completes.
 * @param {number} mediaPort
 */
function webrtcSdp(mediaPort) {
  const id = Date.now();
  const fingerprint = (randomBytes(32).toString('hex').toUpperCase().match(/../g) ?? []).join(':');
  return [
    'v=0', `o=- ${id} 2 IN IP4 127.0.0.1`, 's=-', 't=0 0', 'a=group:BUNDLE 0', 'a=msid-semantic: WMS',
    `m=audio ${mediaPort} UDP/TLS/RTP/SAVPF 0 101`,
    'c=IN IP4 127.0.0.1',
    `a=rtcp:${mediaPort} IN IP4 127.0.0.1`,
    `a=candidate:1 1 udp 2130706431 127.0.0.1 ${mediaPort} typ host`,
    `a=ice-ufrag:${token(4)}`, `a=ice-pwd:${token(12)}`,
    `a=fingerprint:sha-256 ${fingerprint}`, 'a=setup:actpass', 'a=mid:0', 'a=sendrecv', 'a=rtcp-mux',
    'a=rtpmap:0 PCMU/8000', 'a=rtpmap:101 telephone-event/8000', 'a=fmtp:101 0-16', '',
  ].join('\r\n');
}

/**
 * The SDP offer sendInvite() uses for a profile.
 * @param {'plain' | 'webrtc'} profile
 * @param {number} mediaPort
 * @returns {string}
 */
export function offerSdp(profile, mediaPort) {
  return profile === 'webrtc' ? webrtcSdp(mediaPort) : plainSdp(mediaPort);
}

// ---------------------------------------------------------------------------
// UDP endpoint: one socket, a queue of responses, automatic answers to requests
// ---------------------------------------------------------------------------

/**
 * @typedef {object} Endpoint
 * @property {number} port
 * @property {(text: string) => void} send         to the proxy
 * @property {(match: (m: SipMessage) => boolean, deadline: number) => Promise<SipMessage | null>} next
 *   next queued/arriving response that matches, or null at the deadline
 * @property {(handler: (m: SipMessage) => void) => void} onRequest
 * @property {(filter: (m: SipMessage) => boolean) => void} onResponse
 *   sees each response first; returning true consumes it (not queued)
 * @property {() => void} close
 */

/**
 * @param {number} proxyPort
 * @returns {Promise<Endpoint>}
 */
function openEndpoint(proxyPort) {
  const socket = dgram.createSocket('udp4');
  /** @type {SipMessage[]} */
  const queue = [];
  /** @type {Set<() => void>} */
  const waiters = new Set();
  /** @type {(m: SipMessage) => void} */
  let requestHandler = () => {};
  /** @type {(m: SipMessage) => boolean} */
  let responseFilter = () => false;

  socket.on('message', (data) => {
    const msg = parseSipMessage(data.toString('utf8'));
    if (msg.isResponse) {
      if (responseFilter(msg)) return;
      queue.push(msg);
      for (const wake of waiters) wake();
    } else if (msg.method) {
      requestHandler(msg);
    }
  });

  return new Promise((resolve, reject) => {
    socket.once('error', reject);
    socket.bind(0, PROXY_HOST, () => {
      resolve({
        port: socket.address().port,
        send: (text) => socket.send(text, proxyPort, PROXY_HOST),
        next: (match, deadline) => new Promise((done) => {
          const check = () => {
            const index = queue.findIndex(match);
            if (index >= 0) {
              finish(/** @type {SipMessage} */ (queue.splice(index, 1)[0]));
            } else if (Date.now() >= deadline) {
              finish(null);
            }
          };
          const finish = (/** @type {SipMessage | null} */ msg) => {
            clearTimeout(timer);
            waiters.delete(check);
            done(msg);
          };
          const timer = setTimeout(check, Math.max(0, deadline - Date.now()));
          waiters.add(check);
          check();
        }),
        onRequest: (handler) => { requestHandler = handler; },
        onResponse: (filter) => { responseFilter = filter; },
        close: () => socket.close(),
      });
    });
  });
}

/**
 * Resends `text` on the RFC 3261 UDP schedule (T1, 2*T1, ... capped at 4 s) until stopped.
 * @param {Endpoint} ep
 * @param {string} text
 * @returns {() => void} stop
 */
function retransmit(ep, text) {
  let interval = T1_MS;
  /** @type {NodeJS.Timeout} */
  let timer;
  const tick = () => {
    ep.send(text);
    interval = Math.min(interval * 2, 4000);
    timer = setTimeout(tick, interval);
  };
  ep.send(text);
  timer = setTimeout(tick, interval);
  return () => clearTimeout(timer);
}

/**
 * A response to a request we received (BYE or re-INVITE from the callee).
 * @param {SipMessage} request
 * @param {number} status
 * @param {string} reason
 * @param {Array<[string, string]>} [extra]
 * @param {string} [body]
 */
export function buildResponse(request, status, reason, extra = [], body = '') {
  /** @type {Array<[string, string]>} */
  const headers = [];
  for (const via of request.headers.get('via') ?? []) headers.push(['Via', via]);
  for (const name of ['From', 'To', 'Call-ID', 'CSeq']) headers.push([name, request.header(name) ?? '']);
  return buildMessage(`SIP/2.0 ${status} ${reason}`, [...headers, ...extra], body);
}

// ---------------------------------------------------------------------------
// The call
// ---------------------------------------------------------------------------

/**
 * Places one call through Kamailio over UDP and reports how the callee answered.
 * @param {SendInviteOptions} options
 * @returns {Promise<SendInviteResult>}
 */
export async function sendInvite(options) {
  const { kamailio, from, to } = options;
  const timeoutMs = options.timeoutMs ?? 10_000;
  const domain = kamailio.domain;
  const ep = await openEndpoint(kamailio.udpPort);
  const media = await bindMediaSocket();
  try {
    const call = new Call(ep, {
      from, to, domain,
      password: options.password ?? kamailio.users?.find((u) => u.user === from)?.password ?? null,
      sdp: sdpFor(options.sdp, media.port),
      displayName: options.displayName ?? null,
    });
    return await call.run(timeoutMs, options.cancelAfterMs ?? null, options.hangupAfterMs ?? 0);
  } finally {
    ep.close();
    media.close();
  }
}

/**
 * @param {SendInviteOptions['sdp']} option
 * @param {number} mediaPort
 */
function sdpFor(option, mediaPort) {
  if (option === undefined || option === 'plain') return offerSdp('plain', mediaPort);
  if (option === 'webrtc') return offerSdp('webrtc', mediaPort);
  return option;
}

/**
 * The port in our SDP belongs to a socket of ours that drops whatever arrives, so a
 * callee sending media hits nothing else on the machine.
 * @returns {Promise<{ port: number, close: () => void }>}
 */
function bindMediaSocket() {
  const socket = dgram.createSocket('udp4');
  socket.on('message', () => {});
  return new Promise((resolve, reject) => {
    socket.once('error', reject);
    socket.bind(0, PROXY_HOST, () => resolve({ port: socket.address().port, close: () => socket.close() }));
  });
}

class Call {
  /**
   * @param {Endpoint} ep
   * @param {{ from: string, to: string, domain: string, password: string | null, sdp: string, displayName: string | null }} cfg
   */
  constructor(ep, cfg) {
    this.ep = ep;
    this.cfg = cfg;
    this.callId = `${token(10)}@127.0.0.1`;
    this.fromTag = token(6);
    this.cseq = 0;
    this.requestUri = `sip:${cfg.to}@${cfg.domain}`;
    const display = cfg.displayName ? `"${cfg.displayName.replace(/"/g, '')}" ` : '';
    this.fromHeader = `${display}<sip:${cfg.from}@${cfg.domain}>;tag=${this.fromTag}`;
    this.contact = `<sip:${cfg.from}@127.0.0.1:${ep.port};transport=udp>`;
    /** @type {SendInviteResult} */
    this.result = {
      finalStatus: null, reason: null, provisional: [], callId: this.callId, toTag: null,
      cancelled: false, byeStatus: null, remoteBye: false, answerSdp: null,
    };
    /**
     * ACKs already sent, by branch + to-tag of the final response they acknowledge:
     * a final response is retransmitted until its ACK arrives, so answer each copy.
     * @type {Map<string, string>}
     */
    this.acks = new Map();
    /** @type {{ to: string, remoteTarget: string, routes: string[] } | null} */
    this.dialog = null;
    /** Raw provisional responses already counted, so retransmitted 1xx count once. */
    /** @type {Set<string>} */
    this.seenProvisional = new Set();
    ep.onRequest((req) => this.answerRequest(req));
    ep.onResponse((res) => this.reAck(res));
  }

  /**
   * @param {number} timeoutMs
   * @param {number | null} cancelAfterMs
   * @param {number} hangupAfterMs
   * @returns {Promise<SendInviteResult>}
   */
  async run(timeoutMs, cancelAfterMs, hangupAfterMs) {
    const deadline = Date.now() + timeoutMs;
    let auth = /** @type {[string, string] | null} */ (null);
    for (;;) {
      const final = await this.inviteTransaction(deadline, cancelAfterMs, auth);
      if (!final) return this.result;
      const status = /** @type {number} */ (final.status);
      if ((status === 401 || status === 407) && !auth && this.cfg.password !== null) {
        auth = this.authorizationFor(final);
        continue; // the challenge itself was ACKed; retry once with credentials
      }
      this.result.finalStatus = status;
      this.result.reason = final.reason;
      this.result.toTag = tagOf(final.header('to'));
      if (status >= 200 && status < 300) await this.established(final, hangupAfterMs);
      return this.result;
    }
  }

  /**
   * @param {SipMessage} challenge
   * @returns {[string, string]}
   */
  authorizationFor(challenge) {
    const proxy = challenge.status === 407;
    const value = digestAuthorization({
      challenge: challenge.header(proxy ? 'proxy-authenticate' : 'www-authenticate') ?? '',
      method: 'INVITE', uri: this.requestUri, user: this.cfg.from, password: /** @type {string} */ (this.cfg.password),
    });
    return [proxy ? 'Proxy-Authorization' : 'Authorization', value];
  }

  /** @param {string} branch */
  via(branch) {
    return `SIP/2.0/UDP 127.0.0.1:${this.ep.port};branch=${branch};rport`;
  }

  /**
   * One INVITE client transaction: retransmit until a response, count 1xx, CANCEL on
   * cancelAfterMs or on timeout after a 1xx, ACK a non-2xx final. Null on timeout.
   * @param {number} deadline
   * @param {number | null} cancelAfterMs
   * @param {[string, string] | null} auth
   * @returns {Promise<SipMessage | null>}
   */
  async inviteTransaction(deadline, cancelAfterMs, auth) {
    const branch = newBranch();
    const cseq = ++this.cseq;
    /** @type {Array<[string, string]>} */
    const headers = [
      ['Via', this.via(branch)], ['Max-Forwards', '70'], ['From', this.fromHeader],
      ['To', `<${this.requestUri}>`], ['Call-ID', this.callId], ['CSeq', `${cseq} INVITE`],
      ['Contact', this.contact], ['Allow', 'INVITE, ACK, CANCEL, BYE, OPTIONS'],
      ['User-Agent', 'ringdesk-test-uac'], ['Content-Type', 'application/sdp'],
    ];
    if (auth) headers.push(auth);
    const invite = buildMessage(`INVITE ${this.requestUri} SIP/2.0`, headers, this.cfg.sdp);
    const ours = (/** @type {SipMessage} */ m) => topViaBranch(m) === branch && cseqMethod(m) === 'INVITE';

    let stopRetransmit = retransmit(this.ep, invite);
    let cancelAt = /** @type {number | null} */ (null);
    try {
      for (;;) {
        const waitUntil = cancelAt !== null ? Math.min(deadline, cancelAt) : deadline;
        const msg = await this.ep.next(ours, waitUntil);
        if (!msg) {
          if (cancelAt !== null && Date.now() >= cancelAt && Date.now() < deadline) {
            this.sendCancel(branch, cseq);
            cancelAt = null;
            continue;
          }
          return await this.onTimeout(branch, cseq, ours);
        }
        stopRetransmit();
        stopRetransmit = () => {};
        const status = /** @type {number} */ (msg.status);
        if (status < 200) {
          this.countProvisional(msg);
          if (cancelAfterMs !== null && cancelAt === null && !this.result.cancelled) cancelAt = Date.now() + cancelAfterMs;
          continue;
        }
        if (status >= 300) this.ackNonSuccess(msg, branch, cseq);
        return msg;
      }
    } finally {
      stopRetransmit();
    }
  }

  /** @param {SipMessage} msg */
  countProvisional(msg) {
    if (this.seenProvisional.has(msg.raw)) return;
    this.seenProvisional.add(msg.raw);
    this.result.provisional.push(/** @type {number} */ (msg.status));
  }

  /**
   * No final response in time: CANCEL if the callee is ringing (a CANCEL is only
   * allowed after a provisional) and ACK the resulting 487, but report a timeout.
   * @param {string} branch
   * @param {number} cseq
   * @param {(m: SipMessage) => boolean} ours
   * @returns {Promise<null>}
   */
  async onTimeout(branch, cseq, ours) {
    if (this.result.provisional.length > 0 && !this.result.cancelled) {
      this.sendCancel(branch, cseq);
      const final = await this.ep.next((m) => ours(m) && (m.status ?? 0) >= 200, Date.now() + CLOSE_WAIT_MS);
      if (final && (final.status ?? 0) >= 300) this.ackNonSuccess(final, branch, cseq);
      if (final && (final.status ?? 0) < 300) await this.established(final, 0);
    }
    return null;
  }

  /**
   * @param {string} branch
   * @param {number} cseq
   */
  sendCancel(branch, cseq) {
    this.result.cancelled = true;
    // CANCEL repeats the INVITE's Request-URI, Via branch, From, To, Call-ID and CSeq number
    const cancel = buildMessage(`CANCEL ${this.requestUri} SIP/2.0`, [
      ['Via', this.via(branch)], ['Max-Forwards', '70'], ['From', this.fromHeader],
      ['To', `<${this.requestUri}>`], ['Call-ID', this.callId], ['CSeq', `${cseq} CANCEL`],
    ]);
    this.ep.send(cancel);
  }

  /**
   * ACK for a non-2xx final: part of the INVITE transaction (same branch, To with tag).
   * @param {SipMessage} final
   * @param {string} branch
   * @param {number} cseq
   */
  ackNonSuccess(final, branch, cseq) {
    const ack = buildMessage(`ACK ${this.requestUri} SIP/2.0`, [
      ['Via', this.via(branch)], ['Max-Forwards', '70'], ['From', this.fromHeader],
      ['To', final.header('to') ?? ''], ['Call-ID', this.callId], ['CSeq', `${cseq} ACK`],
    ]);
    this.rememberAck(final, ack);
    this.ep.send(ack);
  }

  /**
   * @param {SipMessage} final
   * @param {string} ack
   */
  rememberAck(final, ack) {
    this.acks.set(ackKey(final), ack);
  }

  /**
   * @param {SipMessage} res
   * @returns {boolean} true when `res` was a retransmitted final we had already ACKed
   */
  reAck(res) {
    if (cseqMethod(res) !== 'INVITE' || (res.status ?? 0) < 200) return false;
    const ack = this.acks.get(ackKey(res));
    if (ack) this.ep.send(ack);
    return ack !== undefined;
  }

  /**
   * 2xx: ACK it (a new transaction routed like any in-dialog request), keep the call
   * up for hangupAfterMs unless the callee hangs up first, then BYE.
   * @param {SipMessage} ok
   * @param {number} hangupAfterMs
   */
  async established(ok, hangupAfterMs) {
    this.result.answerSdp = ok.body || null;
    this.dialog = {
      to: ok.header('to') ?? '',
      remoteTarget: uriOf(ok.header('contact') ?? `<${this.requestUri}>`),
      // UAC route set = Record-Route of the 2xx in reverse order (RFC 3261 12.1.2)
      routes: (ok.headers.get('record-route') ?? []).flatMap(splitHeaderList).reverse(),
    };
    const inviteCseq = Number((ok.header('cseq') ?? '0').trim().split(/\s+/)[0]);
    const ack = this.inDialogRequest('ACK', newBranch(), inviteCseq);
    this.rememberAck(ok, ack);
    this.ep.send(ack);

    const hangupAt = Date.now() + hangupAfterMs;
    while (!this.result.remoteBye && Date.now() < hangupAt) await sleep(Math.min(50, hangupAt - Date.now()));
    if (!this.result.remoteBye) await this.sendBye();
  }

  async sendBye() {
    const branch = newBranch();
    const bye = this.inDialogRequest('BYE', branch, ++this.cseq);
    const stop = retransmit(this.ep, bye);
    const reply = await this.ep.next((m) => topViaBranch(m) === branch && (m.status ?? 0) >= 200, Date.now() + CLOSE_WAIT_MS);
    stop();
    this.result.byeStatus = reply?.status ?? null;
  }

  /**
   * @param {string} method
   * @param {string} branch
   * @param {number} cseq
   */
  inDialogRequest(method, branch, cseq) {
    const dialog = this.dialog;
    if (!dialog) throw new Error(`${method} outside a dialog`);
    /** @type {Array<[string, string]>} */
    const headers = [['Via', this.via(branch)], ['Max-Forwards', '70']];
    if (dialog.routes.length > 0) headers.push(['Route', dialog.routes.join(', ')]);
    headers.push(['From', this.fromHeader], ['To', dialog.to], ['Call-ID', this.callId], ['CSeq', `${cseq} ${method}`]);
    return buildMessage(`${method} ${dialog.remoteTarget} SIP/2.0`, headers);
  }

  /**
   * Requests from the callee's side, and retransmitted finals that need our ACK again.
   * @param {SipMessage} req
   */
  answerRequest(req) {
    if (req.method === 'ACK') return;
    if (req.method === 'BYE') {
      this.result.remoteBye = true;
      this.ep.send(buildResponse(req, 200, 'OK'));
    } else if (req.method === 'INVITE') {
      // re-INVITE (e.g. hold): accept with our offer again
      this.ep.send(buildResponse(req, 200, 'OK', [['Contact', this.contact], ['Content-Type', 'application/sdp']], this.cfg.sdp));
    } else {
      this.ep.send(buildResponse(req, 200, 'OK'));
    }
  }
}

/** @param {SipMessage} final */
const ackKey = (final) => `${topViaBranch(final)}|${tagOf(final.header('to'))}`;

/** @param {number} ms */
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));
