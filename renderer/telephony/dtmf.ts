/**
 * DTMF digits and the SIP INFO body that carries one (application/dtmf-relay,
 * the de-facto format PBXs accept). RFC 4733 telephone-events go through the
 * media instead (RTCDTMFSender); both paths use the same digits.
 */

/** How long each tone lasts, ms (INFO Duration and RFC 4733 tone length). */
export const DTMF_TONE_MS = 160;
/** Silence between two RFC 4733 tones, ms (the WebRTC minimum is 30). */
export const DTMF_GAP_MS = 70;

/** The digits we can send, upper-cased, anything else dropped ("12a#x" → "12A#"). */
export function dtmfDigits(input: string): string {
  return input.toUpperCase().replace(/[^0-9*#A-D]/g, '');
}

/** The body of one SIP INFO for one digit: `Signal=5\r\nDuration=160`. */
export function dtmfRelayBody(digit: string, durationMs: number = DTMF_TONE_MS): string {
  return `Signal=${digit}\r\nDuration=${durationMs}`;
}
