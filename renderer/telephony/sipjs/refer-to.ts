import { URI } from 'sip.js';

/**
 * A Refer-To target (RFC 3515). sip.js writes a URI target as a bare
 * addr-spec, which is invalid once the URI carries headers (`?Replaces=…`):
 * RFC 3261 §20 demands the name-addr form `<…>` then, and sip.js's own parser
 * rejects the bare form. This URI prints itself in angle brackets; sip.js
 * uses its toString() for exactly that header and nothing else.
 */
class ReferToUri extends URI {
  override toString(): string {
    return `<${super.toString()}>`;
  }
}

/** The dialog an attended transfer replaces, from the transferor's side of it. */
export interface ReplacedDialog {
  callId: string;
  /** The transfer target's tag (our remote tag in the consultation call). */
  toTag: string;
  /** Our tag in the consultation call. */
  fromTag: string;
}

/**
 * Refer-To for a blind transfer (`<sip:target>`) or, with `replaces`, an
 * attended one (`<sip:target?Replaces=callid%3Bto-tag%3D…%3Bfrom-tag%3D…>`).
 *
 * For an attended transfer we address the consultation peer's AOR rather
 * than its Contact (sip.js's `refer(session)` uses the remote target): a
 * WebSocket client's Contact is `…@xyz.invalid;transport=ws`, which a proxy
 * such as Kamailio cannot route in a new INVITE, while the AOR reaches the
 * target through the registrar, and the Replaces header picks the dialog.
 */
export function referToUri(target: URI, replaces?: ReplacedDialog): URI {
  const headers: Record<string, string[]> = replaces
    ? { Replaces: [encodeURIComponent(`${replaces.callId};to-tag=${replaces.toTag};from-tag=${replaces.fromTag}`)] }
    : {};
  return new ReferToUri(target.scheme, target.user ?? '', target.host, target.port, { ...target.parameters }, headers);
}

/**
 * Whether the peer's REFER (it asks us to call `target` instead) may be
 * followed. Only a sip:/sips: URI in the agent's own domain — the host of
 * the account's AOR — may: that is what a transfer by the PBX or a colleague
 * looks like, whereas following any target would let whoever is on the line
 * make the agent's phone call anything (toll fraud).
 *
 * sip.js drops every URI header of the target except Replaces, which it
 * copies, URL-decoded, into the new INVITE: it must then be a plain dialog
 * id (`call-id;to-tag=…;from-tag=…`), nothing that could smuggle in another
 * header line. `maddr` (send it elsewhere) is refused as well.
 */
export function referTargetAllowed(target: URI, ownHost: string): boolean {
  if (target.scheme !== 'sip' && target.scheme !== 'sips') return false;
  const own = ownHost.toLowerCase();
  if (!own || target.host.toLowerCase() !== own) return false;
  if (target.hasParam('maddr')) return false;
  const replaces = target.getHeader('replaces');
  if (replaces === undefined) return true;
  if (replaces.length !== 1) return false;
  let decoded: string;
  try {
    decoded = decodeURIComponent(replaces[0] ?? '');
  } catch {
    return false;
  }
  return REPLACES.test(decoded);
}

/** RFC 3891 §6.1, loosely: a Call-ID followed by parameters, printable and without spaces. */
const REPLACES = /^[!-~]+$/;
