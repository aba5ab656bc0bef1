import { peerInitials } from '../../domain/peer-initials';

/**
 * The agent's avatar text: the initials of their name as callers' avatars
 * have them ("Alice Agent" → "AA"), or, for a name with no letters (a
 * number as the display name), the first character of the SIP user, so the
 * avatar is never empty.
 */
export function initialsOf(displayName: string, fallback: string): string {
  return peerInitials(displayName) ?? ([...fallback.trim()][0] ?? '?').toLocaleUpperCase();
}
