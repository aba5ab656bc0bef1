import type { CallPeer } from '../../common/schemas/call';
import { parseDialInput, type DialInput } from './phone-number';

/** Where a call goes, or why it cannot. */
export type DialTarget =
  | { ok: true; uri: string; input: Exclude<DialInput, { kind: 'empty' | 'invalid' }> }
  | { ok: false; message: string };

/**
 * Turns what the agent typed into the SIP URI to call: numbers and
 * extensions go to the agent's own server (`sip:+442079460958@<domain>`,
 * `sip:1001@<domain>`), full SIP addresses are dialled as they are.
 *
 * @param accountDomain the SIP domain of the agent's account (null: no account yet)
 */
export function dialTarget(text: string, defaultCountry: string, accountDomain: string | null): DialTarget {
  const input = parseDialInput(text, defaultCountry);
  switch (input.kind) {
    case 'empty':
      return { ok: false, message: 'Type a number, an extension or a SIP address' };
    case 'invalid':
      return { ok: false, message: input.message };
    case 'sip-uri':
      return { ok: true, uri: input.uri, input };
  }
  if (!accountDomain) return { ok: false, message: 'Set up your phone account before calling' };
  const user = input.kind === 'phone-number' ? input.e164 : input.kind === 'extension' ? input.digits : input.user;
  return { ok: true, uri: `sip:${escapeUser(user)}@${accountDomain}`, input };
}

/** `#` must be escaped in a SIP user part (RFC 3261 §25.1); `*` and `+` may stay. */
function escapeUser(user: string): string {
  return user.replace(/#/g, '%23');
}

/** The user part of a SIP URI ("1003" of sip:1003@pbx.example.com), or null when it has none. */
export function userOf(uri: string): string | null {
  return /^sips?:([^@;]+)@/i.exec(uri)?.[1] ?? null;
}

/** The host of a SIP URI, lower-cased, without port or parameters. */
export function hostOf(uri: string): string | null {
  const match = /^sips?:(?:[^@]*@)?([^:;?>]+)/i.exec(uri);
  return match?.[1]?.toLowerCase() ?? null;
}

/**
 * What to put in the dial field to reach a peer again: their number or
 * extension when they are on the agent's own server, else their full
 * address ("Call back", suggestions).
 */
export function dialTextForPeer(peer: CallPeer, accountDomain: string | null): string {
  const host = hostOf(peer.uri);
  const sameServer = host !== null && accountDomain !== null && host === accountDomain.toLowerCase();
  if ((sameServer || !host) && peer.user) return decodeUser(peer.user);
  return peer.uri || decodeUser(peer.user);
}

function decodeUser(user: string): string {
  try {
    return decodeURIComponent(user);
  } catch {
    return user;
  }
}
