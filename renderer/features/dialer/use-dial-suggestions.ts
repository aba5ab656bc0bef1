import { useEffect, useMemo, useState } from 'react';
import type { HistoryEntry } from '../../../common/schemas/history';
import { dialTextForPeer } from '../../domain/dial-target';
import { cleanNumber, displayNumber } from '../../domain/phone-number';
import { useRingdesk } from '../../store/RingdeskStoreProvider';
import { selectAccountDomain, selectDefaultCountry } from '../../store/selectors';
import { useDebounced } from './use-debounced';

/** How long typing must pause before the history is searched. */
export const SUGGESTION_DELAY_MS = 250;
const MAX_SUGGESTIONS = 5;

/**
 * Recent calls matching what is typed in the dial field (from two
 * characters on), searched in main's history once typing pauses. Digits
 * are searched without their formatting, so "(555) 01" finds +1555010….
 */
export function useDialSuggestions(text: string): HistoryEntry[] {
  const findRecentCalls = useRingdesk((s) => s.findRecentCalls);
  const search = useDebounced(searchTermFor(text), SUGGESTION_DELAY_MS);
  const [found, setFound] = useState<{ search: string; entries: HistoryEntry[] }>({ search: '', entries: [] });
  useEffect(() => {
    if (search.length < 2) return;
    let current = true;
    void findRecentCalls(search, MAX_SUGGESTIONS).then((entries) => {
      if (current) setFound({ search, entries });
    });
    return () => {
      current = false;
    };
  }, [search, findRecentCalls]);
  // Only answers to what is in the field now (not to what was typed before it was cleared).
  return found.search === searchTermFor(text) ? found.entries : [];
}

function searchTermFor(text: string): string {
  const trimmed = text.trim();
  if (/^[\d\s+\-.()/]+$/.test(trimmed)) return cleanNumber(trimmed).number.replace(/^\+/, '');
  return trimmed;
}

/** Someone to call (or transfer to), as a suggestion list shows them. */
export interface PeerSuggestion {
  key: string;
  /** What choosing it puts in the field, e.g. "(202) 555-0199" or "1003". */
  fill: string;
  /** The name, or the number when there is no name. */
  name: string;
  /** The number under a name, or null. */
  detail: string | null;
}

/**
 * The recent calls matching `text` as suggestions: one line per number (the
 * history holds the same caller many times), and not what is already typed.
 */
export function usePeerSuggestions(text: string): PeerSuggestion[] {
  const country = useRingdesk(selectDefaultCountry);
  const domain = useRingdesk(selectAccountDomain);
  const entries = useDialSuggestions(text);
  return useMemo(() => {
    const seen = new Set([text.trim()]);
    return entries.flatMap((entry) => {
      const fill = displayNumber(dialTextForPeer(entry.peer, domain), country);
      if (seen.has(fill)) return [];
      seen.add(fill);
      const number = displayNumber(entry.peer.user, country);
      return [{ key: entry.id, fill, name: entry.peer.displayName || number, detail: entry.peer.displayName ? number : null }];
    });
  }, [entries, text, domain, country]);
}
