/**
 * The keys of the number field's suggestion list (WAI-ARIA combobox with a
 * listbox; focus stays in the field, the highlighted option is its
 * aria-activedescendant):
 *
 * ```
 *  ArrowDown  open, or the next option (after the last: the first)
 *  ArrowUp    open at the last option, or the previous one (wraps too)
 *  Enter      with an option highlighted: choose it (the field is filled, not yet called)
 *  Escape     close the list until the text changes
 * ```
 * Any other key, and Enter with nothing highlighted (that calls), are not the list's.
 */
export interface SuggestionListState {
  open: boolean;
  /** Index of the highlighted option, or null. */
  active: number | null;
}

export type SuggestionKeyOutcome = { handled: false } | { handled: true; next: SuggestionListState; choose: number | null };

export const SUGGESTIONS_OPEN: SuggestionListState = { open: true, active: null };

export function suggestionKey(key: string, state: SuggestionListState, count: number): SuggestionKeyOutcome {
  if (count === 0) return { handled: false };
  const move = (active: number) => ({ handled: true as const, next: { open: true, active }, choose: null });
  switch (key) {
    case 'ArrowDown':
      return move(state.open && state.active !== null ? (state.active + 1) % count : 0);
    case 'ArrowUp':
      return move(state.open && state.active !== null ? (state.active - 1 + count) % count : count - 1);
    case 'Enter':
      return state.open && state.active !== null && state.active < count
        ? { handled: true, next: { open: false, active: null }, choose: state.active }
        : { handled: false };
    case 'Escape':
      return state.open ? { handled: true, next: { open: false, active: null }, choose: null } : { handled: false };
    default:
      return { handled: false };
  }
}
