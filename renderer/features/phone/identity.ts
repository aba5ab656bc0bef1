import { userOf } from '../../domain/dial-target';

/**
 * Up to two initials for the agent's avatar: "Alice Agent" → "AA",
 * "bob" → "B". Names with no letters (a number as the display name) fall
 * back to the first character of the SIP user, so the avatar is never empty.
 */
export function initialsOf(displayName: string, fallback: string): string {
  const words = displayName.trim().split(/\s+/u).filter((w) => /\p{L}/u.test(w));
  const letters = words.length > 1 ? [words[0]!, words[words.length - 1]!] : words.slice(0, 1);
  const initials = letters.map((w) => [...w.replace(/^[^\p{L}]+/u, '')][0] ?? '').join('');
  return (initials || [...fallback.trim()][0] || '?').toLocaleUpperCase();
}

/** The agent's extension or user name, as colleagues dial it: the user part of the address. */
export function extensionOf(aor: string): string {
  return userOf(aor) ?? aor;
}
