import { createContext, useContext, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { RingdeskStore } from './ringdesk-store';
import type { RingdeskState } from './types';

const StoreContext = createContext<RingdeskStore | null>(null);

export function RingdeskStoreProvider({ store, children }: { store: RingdeskStore; children: ReactNode }) {
  return <StoreContext value={store}>{children}</StoreContext>;
}

/** Reads the store through a selector; wrap selectors that build objects or arrays in `useShallow`. */
export function useRingdesk<T>(selector: (state: RingdeskState) => T): T {
  const store = useContext(StoreContext);
  if (!store) throw new Error('useRingdesk must be used inside <RingdeskStoreProvider>');
  return useStore(store, selector);
}
