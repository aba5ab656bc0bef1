import type { StateCreator } from 'zustand/vanilla';
import type { RingdeskState, UiSlice } from './types';

/** Local notice ids carry this prefix so dismissing them never reaches main. */
export const LOCAL_NOTICE_PREFIX = 'local-';

export function createUiSlice(): StateCreator<RingdeskState, [], [], UiSlice> {
  let counter = 0;
  return (set, get) => ({
    ui: { view: 'phone', editingAccount: false, localNotices: [], unsavedChanges: false, pendingView: null },
    showView: (view) =>
      set((s) => {
        if (s.ui.view === view) return s;
        // Leaving a form with unsaved changes waits for the agent's answer (settlePendingView).
        if (s.ui.unsavedChanges) return { ui: { ...s.ui, pendingView: view } };
        return { ui: { ...s.ui, view } };
      }),
    setUnsavedChanges: (unsaved) => set((s) => (s.ui.unsavedChanges === unsaved ? s : { ui: { ...s.ui, unsavedChanges: unsaved } })),
    settlePendingView: (discard) =>
      set((s) => {
        const next = s.ui.pendingView;
        if (!next) return s;
        return { ui: { ...s.ui, pendingView: null, ...(discard ? { view: next, unsavedChanges: false } : {}) } };
      }),
    openAccountEditor: () => {
      get().resetSetup();
      // The form opens where the account lives in the shell, so closing it lands there.
      set((s) => ({ ui: { ...s.ui, view: 'settings', editingAccount: true } }));
    },
    closeAccountEditor: () => {
      get().resetSetup();
      set((s) => ({ ui: { ...s.ui, editingAccount: false } }));
    },
    reportProblem: (message, tone = 'error') =>
      set((s) => {
        // The same failure twice (e.g. two clicks) is one thing to read, not two.
        if (s.ui.localNotices.some((n) => n.message === message)) return s;
        const notice = { id: `${LOCAL_NOTICE_PREFIX}${++counter}`, tone, message };
        return { ui: { ...s.ui, localNotices: [...s.ui.localNotices, notice] } };
      }),
  });
}
