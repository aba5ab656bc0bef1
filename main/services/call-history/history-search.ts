import type { HistoryEntry } from '../../../common/schemas/history';

/** Characters people type inside phone numbers: "+1 (555) 010-0.1/2". */
const PHONE_LIKE = /^[\d\s()+\-./]+$/;

const folded = new Map<string, string>();

/**
 * Lowercase, with accents folded so "jose" finds "José". Folds character
 * by character through a cache: normalising whole strings cost more than
 * everything else in loading 100,000 entries.
 */
export function foldCase(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.toLowerCase().replace(/[^\x00-\x7f]/g, (ch) => {
    let plain = folded.get(ch);
    if (plain === undefined) {
      plain = ch.normalize('NFD').replace(/\p{M}/gu, '');
      if (folded.size < 10_000) folded.set(ch, plain);
    }
    return plain;
  });
}

function digitsOf(text: string): string {
  return text.replace(/\D/g, '');
}

/**
 * What a search looks in: name, user/number, URI and the number's digits,
 * one field per line so a search term never spans two fields. The digits
 * let "555 0100" find "+15550100".
 */
export function searchKeyOf(entry: Pick<HistoryEntry, 'peer'>): string {
  const { displayName, user, uri } = entry.peer;
  return foldCase(`${displayName ?? ''}\n${user}\n${uri}\n${digitsOf(user)}`);
}

/**
 * A predicate over search keys for what the agent typed, or null when the
 * search is empty (everything matches). A number-like search matches by
 * its digits; words must each appear, in any order ("smith alice").
 */
export function searchMatcher(search: string): ((key: string) => boolean) | null {
  const term = foldCase(search.trim());
  if (term === '') return null;
  const digits = digitsOf(term);
  if (digits !== '' && PHONE_LIKE.test(term)) {
    // The key holds the number's digits, so the digits alone find every way of writing it.
    return (key) => key.includes(digits);
  }
  const words = term.split(/\s+/);
  if (words.length === 1) return (key) => key.includes(term);
  return (key) => words.every((w) => key.includes(w));
}

/** The same number however it was written ("+1 555 0100", "+15550100"); other users case-insensitively. */
export function userKey(user: string): string {
  const trimmed = user.trim();
  if (/\d/.test(trimmed) && PHONE_LIKE.test(trimmed)) return digitsOf(trimmed);
  return trimmed.toLowerCase();
}
