// Types for sip-invite.mjs.
import type { KamailioHandle } from './kamailio.mjs';

export interface SendInviteOptions {
  /** Where to send (127.0.0.1:udpPort) and the domain for the URIs; `users` supplies the caller's password. */
  kamailio: Pick<KamailioHandle, 'udpPort' | 'domain'> & Partial<Pick<KamailioHandle, 'users'>>;
  /** Caller user part, e.g. '1003'. */
  from: string;
  /** Callee user part; the INVITE goes to sip:<to>@<domain>. */
  to: string;
  /** Give up waiting for a final response after this long (default 10000); then finalStatus is null. */
  timeoutMs?: number;
  /** Answers a 401/407 (Kamailio started with inviteAuth). Default: the password of `from` in kamailio.users. */
  password?: string;
  /**
   * SDP offer: 'plain' (default; RTP/AVP PCMU/8000 + telephone-event), 'webrtc' (ICE +
   * DTLS fingerprint + rtcp-mux so a browser callee can accept; media never flows), or a full SDP.
   */
  sdp?: 'plain' | 'webrtc' | (string & {});
  /** Send CANCEL this long after the first provisional response (expect finalStatus 487). */
  cancelAfterMs?: number;
  /** After a 2xx, keep the call up this long before BYE (default 0), unless the callee hangs up first. */
  hangupAfterMs?: number;
  /** Display name in From (what the callee shows as caller). */
  displayName?: string;
}

export interface SendInviteResult {
  /** Final status code, e.g. 200, 404, 486, 487; null on timeout. */
  finalStatus: number | null;
  reason: string | null;
  /** Provisional codes in arrival order, retransmissions counted once (e.g. [100, 180]). */
  provisional: number[];
  callId: string;
  /** To-tag of the final response (the callee's dialog tag for a 2xx). */
  toTag: string | null;
  /** A CANCEL was sent (cancelAfterMs, or timeout while ringing). */
  cancelled: boolean;
  /** Final status of our BYE after a 2xx; null when none was sent or answered. */
  byeStatus: number | null;
  /** The callee sent BYE before we did. */
  remoteBye: boolean;
  /** SDP of the 2xx. */
  answerSdp: string | null;
}

export interface SipMessage {
  raw: string;
  isResponse: boolean;
  status: number | null;
  reason: string | null;
  method: string | null;
  uri: string | null;
  /** Lower-case full header names (compact forms expanded) -> every occurrence. */
  headers: Map<string, string[]>;
  body: string;
  /** First occurrence of a header, case-insensitive; null when absent. */
  header(name: string): string | null;
}

/** Places one real call over UDP through Kamailio; ACKs the final response, and for a 2xx sends ACK then BYE. */
export declare function sendInvite(options: SendInviteOptions): Promise<SendInviteResult>;

/** The SDP offer sendInvite() sends for a profile, with media on 127.0.0.1:mediaPort. */
export declare function offerSdp(profile: 'plain' | 'webrtc', mediaPort: number): string;
export declare function parseSipMessage(raw: string): SipMessage;
/** Splits a header value on commas outside <> and quotes. */
export declare function splitHeaderList(value: string): string[];
/** Authorization / Proxy-Authorization value answering an MD5 digest challenge (qop=auth or none). */
export declare function digestAuthorization(args: { challenge: string; method: string; uri: string; user: string; password: string }): string;
/** A SIP message: start line, headers in order, Content-Length added. */
export declare function buildMessage(startLine: string, headers: Array<[string, string]>, body?: string): string;
/** A response to `request` copying its Via, From, To, Call-ID and CSeq. */
export declare function buildResponse(request: SipMessage, status: number, reason: string, extra?: Array<[string, string]>, body?: string): string;
