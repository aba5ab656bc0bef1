import type { StateCreator } from 'zustand/vanilla';
import { formatAsYouType } from '../domain/phone-number';
import { selectDefaultCountry } from './selectors';
import type { DialerSlice, RingdeskState } from './types';

export function createDialerSlice(): StateCreator<RingdeskState, [], [], DialerSlice> {
  return (set, get) => {
    const formatted = (text: string, caretAtEnd: boolean) => (caretAtEnd ? formatAsYouType(text, selectDefaultCountry(get())) : text);
    return {
      dialer: { text: '', focusPending: false },
      editDialText: (text, caretAtEnd = true) => set((s) => ({ dialer: { ...s.dialer, text: formatted(text, caretAtEnd) } })),
      typeIntoDialField: (character) =>
        set((s) => ({ dialer: { text: formatted(s.dialer.text + character, true), focusPending: true } })),
      dialFieldFocused: () => set((s) => (s.dialer.focusPending ? { dialer: { ...s.dialer, focusPending: false } } : s)),
    };
  };
}
