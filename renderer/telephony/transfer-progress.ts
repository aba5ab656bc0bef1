/**
 * What a NOTIFY about a transfer says (RFC 3515 §2.4.5): its body is a
 * message/sipfrag holding the status line of the transferee's new call,
 * e.g. "SIP/2.0 180 Ringing" or "SIP/2.0 200 OK".
 */

export type TransferProgress = 'trying' | 'succeeded' | 'failed';

/** The status code in a sipfrag body ("SIP/2.0 486 Busy Here" → 486), or null if there is none. */
export function sipfragStatus(body: string | undefined): number | null {
  const match = /^\s*SIP\/2\.0\s+(\d{3})\b/.exec(body ?? '');
  return match ? Number(match[1]) : null;
}

/** 1xx: still trying; 2xx: the transferee reached the target; 3xx–6xx: failed. A body without a status line changes nothing ('trying'). */
export function transferProgress(body: string | undefined): TransferProgress {
  const status = sipfragStatus(body);
  if (status === null) return 'trying';
  if (status < 200) return 'trying';
  return status < 300 ? 'succeeded' : 'failed';
}
