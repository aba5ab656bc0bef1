import { useEffect, useState } from 'react';
import type { HistoryEntry } from '../../../common/schemas/history';
import { cleanNumber } from '../../domain/phone-number';
import { useRingdesk } from '../../store/RingdeskStoreProvider';
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
