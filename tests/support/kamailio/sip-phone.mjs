// A minimal UDP desk phone for tests (plain node:dgram): REGISTERs through
// Kamailio with digest auth and rings when called — 180 Ringing until the
// caller CANCELs (then 487), or a fixed final answer such as 486. Tests use it
// to prove that what the workspace provisions really lets a device register
// and really routes calls to it. Small and readable rather than complete:
// loopback only, no media, no dialogs of its own.

import { randomBytes } from 'node:crypto';
import dgram from 'node:dgram';
import { buildMessage, digestAuthorization, parseSipMessage } from './sip-invite.mjs';

/** @typedef {import('./sip-invite.d.mts').SipMessage} SipMessage */
/** @typedef {import('./sip-phone.d.mts').PhoneOptions} PhoneOptions */
/** @typedef {import('./sip-phone.d.mts').Phone} Phone */

const HOST = '127.0.0.1';
/** RFC 3261 T1: first retransmission interval of a request over UDP. */
const T1_MS = 500;
const REGISTER_TIMEOUT_MS = 4000;

const token = (bytes = 8) => randomBytes(bytes).toString('hex');
/** @param {SipMessage} msg */
const branchOf = (msg) => /;\s*branch=([^;,\s]+)/i.exec(msg.header('via') ?? '')?.[1] ?? '';

/**
 * A response to a request we received; `toTag` is added to To (our side of the dialog).
 * @param {SipMessage} request
 * @param {number} status
 * @param {string} reason
 * @param {string | null} toTag
 */
function reply(request, status, reason, toTag) {
  /** @type {Array<[string, string]>} */
  const headers = (request.headers.get('via') ?? []).map((via) => /** @type {[string, string]} */ (['Via', via]));
  const to = request.header('to') ?? '';
  headers.push(['From', request.header('from') ?? ''], ['To', toTag && !/;\s*tag=/i.test(to) ? `${to};tag=${toTag}` : to]);
  headers.push(['Call-ID', request.header('call-id') ?? ''], ['CSeq', request.header('cseq') ?? '']);
  return buildMessage(`SIP/2.0 ${status} ${reason}`, headers);
}

/**
 * Opens a phone on a free loopback UDP port. It does not register until register() is called.
 * @param {PhoneOptions} options
 * @returns {Promise<Phone>}
 */
export async function openPhone(options) {
  const { user, kamailio } = options;
  const answer = options.answer ?? 'ring';
  const socket = dgram.createSocket('udp4');
  await new Promise((resolve, reject) => {
    socket.once('error', reject);
    socket.bind(0, HOST, () => resolve(undefined));
  });
  const port = socket.address().port;
  const send = (/** @type {string} */ text) => socket.send(text, kamailio.udpPort, HOST);

  /** @type {SipMessage[]} */
  const invites = [];
  /** @type {SipMessage[]} */
  const cancels = [];
  /** Last response per INVITE branch, resent on a retransmission. @type {Map<string, string>} */
  const answered = new Map();
  /** @type {Set<() => void>} */
  const waiters = new Set();
  /** @type {Map<string, (m: SipMessage) => void>} */
  const pendingRequests = new Map();

  const registerCallId = `${token(10)}@${HOST}`;
  const fromTag = token(6);
  let cseq = 0;

  socket.on('message', (data) => {
    const msg = parseSipMessage(data.toString('utf8'));
    if (msg.isResponse) {
      pendingRequests.get(branchOf(msg))?.(msg);
      return;
    }
    const branch = branchOf(msg);
    if (msg.method === 'INVITE') {
      const earlier = answered.get(branch);
      if (earlier) return void send(earlier); // retransmission
      invites.push(msg);
      const text = answer === 'ring' ? reply(msg, 180, 'Ringing', token(6)) : reply(msg, answer, 'Busy Here', token(6));
      answered.set(branch, text);
      send(text);
      for (const wake of waiters) wake();
    } else if (msg.method === 'CANCEL') {
      cancels.push(msg);
      send(reply(msg, 200, 'OK', null));
      const ringing = answered.get(branch);
      if (ringing?.startsWith('SIP/2.0 180')) {
        const invite = invites.find((i) => branchOf(i) === branch);
        if (invite) {
          const terminated = reply(invite, 487, 'Request Terminated', /;\s*tag=([^;>\s]+)/i.exec(ringing.split('\r\n').find((l) => l.startsWith('To:')) ?? '')?.[1] ?? token(6));
          answered.set(branch, terminated);
          send(terminated);
        }
      }
    } else if (msg.method !== 'ACK') {
      send(reply(msg, 200, 'OK', null));
    }
  });

  /**
   * One REGISTER transaction, retransmitted on the UDP schedule until answered.
   * @param {number} expires
   * @param {string | null} authorization
   * @returns {Promise<SipMessage | null>}
   */
  const registerOnce = (expires, authorization) => {
    const branch = `z9hG4bK${token(8)}`;
    cseq += 1;
    /** @type {Array<[string, string]>} */
    const headers = [
      ['Via', `SIP/2.0/UDP ${HOST}:${port};branch=${branch};rport`], ['Max-Forwards', '70'],
      ['From', `<sip:${user}@${kamailio.domain}>;tag=${fromTag}`], ['To', `<sip:${user}@${kamailio.domain}>`],
      ['Call-ID', registerCallId], ['CSeq', `${cseq} REGISTER`],
      ['Contact', `<sip:${user}@${HOST}:${port};transport=udp>`], ['Expires', String(expires)],
      ['User-Agent', 'ringdesk-test-phone'],
    ];
    if (authorization) headers.push(['Authorization', authorization]);
    const request = buildMessage(`REGISTER sip:${kamailio.domain} SIP/2.0`, headers);
    return new Promise((resolve) => {
      let interval = T1_MS;
      /** @type {NodeJS.Timeout} */
      let timer;
      const finish = (/** @type {SipMessage | null} */ msg) => {
        clearTimeout(timer);
        clearTimeout(deadline);
        pendingRequests.delete(branch);
        resolve(msg);
      };
      const deadline = setTimeout(() => finish(null), REGISTER_TIMEOUT_MS);
      pendingRequests.set(branch, (msg) => {
        if ((msg.status ?? 0) >= 200) finish(msg);
      });
      const tick = () => {
        send(request);
        interval = Math.min(interval * 2, 4000);
        timer = setTimeout(tick, interval);
      };
      tick();
    });
  };

  /** @type {Phone} */
  const phone = {
    port,
    user,
    invites,
    cancels,
    async register(registerOptions = {}) {
      const expires = registerOptions.expires ?? 300;
      const password = registerOptions.password ?? options.password;
      let response = await registerOnce(expires, null);
      if (response?.status === 401 && password !== undefined) {
        const authorization = digestAuthorization({
          challenge: response.header('www-authenticate') ?? '', method: 'REGISTER', uri: `sip:${kamailio.domain}`, user, password,
        });
        response = await registerOnce(expires, authorization);
      }
      return { status: response?.status ?? null, reason: response?.reason ?? null };
    },
    async waitForInvites(count = 1, timeoutMs = 5000) {
      const deadline = Date.now() + timeoutMs;
      while (invites.length < count && Date.now() < deadline) {
        await new Promise((resolve) => {
          const wake = () => { waiters.delete(wake); clearTimeout(timer); resolve(undefined); };
          const timer = setTimeout(wake, Math.max(0, deadline - Date.now()));
          waiters.add(wake);
        });
      }
      if (invites.length < count) throw new Error(`phone ${user}: ${invites.length} INVITE(s) within ${timeoutMs} ms, expected ${count}`);
      return invites.slice(0, count);
    },
    close() {
      socket.close();
    },
  };
  return phone;
}
