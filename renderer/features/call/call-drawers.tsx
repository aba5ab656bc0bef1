import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';

/** What a call card has open under its actions. */
export type Drawer = 'keypad' | 'transfer' | 'consult' | null;

type Drawers = { open: (callId: string) => Drawer; toggle: (callId: string, which: Drawer) => void };

const DrawersContext = createContext<Drawers | null>(null);

/**
 * Which call has its keypad (or picker) open, kept by the call area rather
 * than by the card: a card goes when the agent opens another view (the
 * call becomes a row) and comes back with the keypad still open, so an IVR
 * menu can be finished after looking something up.
 */
export function CallDrawersProvider({ liveCallIds, children }: { liveCallIds: readonly string[]; children: ReactNode }) {
  const [drawers, setDrawers] = useState<ReadonlyMap<string, Drawer>>(new Map());
  const open = useCallback((callId: string) => drawers.get(callId) ?? null, [drawers]);
  const live = useMemo(() => new Set(liveCallIds), [liveCallIds]);
  const toggle = useCallback((callId: string, which: Drawer) => {
    setDrawers((current) => {
      // Calls that have ended since are forgotten here, so the map never outgrows the calls on the line.
      const next = new Map([...current].filter(([id]) => live.has(id)));
      if (which === null || current.get(callId) === which) next.delete(callId);
      else next.set(callId, which);
      return next;
    });
  }, [live]);
  const value = useMemo(() => ({ open, toggle }), [open, toggle]);
  return <DrawersContext.Provider value={value}>{children}</DrawersContext.Provider>;
}

/** The open drawer of one call, and a toggle for it (the open one, or null, closes). Only inside CallList. */
export function useCallDrawer(callId: string): [Drawer, (which: Drawer) => void] {
  const shared = useContext(DrawersContext);
  if (!shared) throw new Error('useCallDrawer is used outside CallList');
  return [shared.open(callId), (which) => shared.toggle(callId, which)];
}
