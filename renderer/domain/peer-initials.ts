/**
 * The initials an avatar shows for a caller's display name: the first
 * letter of the first and last word ("Bob Caller" → "BC", "carol" → "C").
 * Null when the name has no letters to take (a number, punctuation), so the
 * avatar shows a person icon instead.
 */
export function peerInitials(name: string | null): string | null {
  const words = (name ?? '').split(/\s+/).filter((word) => /^\p{L}/u.test(word));
  if (words.length === 0) return null;
  const first = words[0]!;
  const last = words.length > 1 ? words.at(-1)! : '';
  return (firstLetter(first) + firstLetter(last)).toLocaleUpperCase();
}

/** The first letter, whole even when it is outside the BMP (a surrogate pair). */
function firstLetter(word: string): string {
  return [...word][0] ?? '';
}
