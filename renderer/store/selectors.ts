import type { Notice } from '../../preload/schemas/snapshot';
import type { Reachability, RegistrationView } from '../../preload/schemas/registration';
import type { RingdeskState } from './types';

/**
 * Pure reads of the store. Selectors that build a new object or array must
 * be used through `useShallow`.
 */

export type Screen = 'starting' | 'load-failed' | 'setup' | 'phone';

export function selectScreen(s: RingdeskState): Screen {
  if (!s.snapshot) return s.loadStatus === 'failed' ? 'load-failed' : 'starting';
  return !s.snapshot.account || s.ui.editingAccount ? 'setup' : 'phone';
}

/** The saved account while the agent edits it; null on first setup. */
export const selectAccountBeingEdited = (s: RingdeskState) => (s.ui.editingAccount ? (s.snapshot?.account ?? null) : null);

/** Name and address for the phone screen header (use with useShallow). */
export function selectAccountHeader(s: RingdeskState): { displayName: string; aor: string } | null {
  const account = s.snapshot?.account;
  return account ? { displayName: account.displayName, aor: account.aor } : null;
}

/** The reachability to warn about, or null when calls can come in. */
export const selectUnreachable = (s: RingdeskState): Reachability | null =>
  s.snapshot && !s.snapshot.reachability.canReceiveCalls ? s.snapshot.reachability : null;

/** The agent is already on the account form, so "Edit account" would do nothing. */
export const selectIsOnSetup = (s: RingdeskState) => selectScreen(s) === 'setup';

/** Main's notices, then the renderer's own (use with useShallow). */
export const selectNotices = (s: RingdeskState): Notice[] => [...(s.snapshot?.notices ?? []), ...s.ui.localNotices];

export const selectPresence = (s: RingdeskState) => s.snapshot?.presence ?? 'offline';

export const selectRegistration = (s: RingdeskState): RegistrationView => s.snapshot?.registration ?? { status: 'starting' };

/** Whole seconds left until `at`, rounded up so "0 s" means "now". */
export function secondsUntil(at: number, now: number): number {
  return Math.max(0, Math.ceil((at - now) / 1000));
}

/** One short line for the registration status, e.g. "Reconnecting in 7 s (attempt 3)". */
export function registrationStatusText(view: RegistrationView, now: number): string {
  switch (view.status) {
    case 'no-account':
      return 'No account';
    case 'offline':
      return 'Offline';
    case 'waiting-for-network':
      return 'Waiting for the network';
    case 'suspended':
      return 'Paused while the computer sleeps';
    case 'starting':
      return 'Starting…';
    case 'registering':
      return 'Registering…';
    case 'registered':
      return 'Registered';
    case 'reconnecting': {
      const seconds = secondsUntil(view.nextAttemptAt, now);
      return seconds > 0 ? `Reconnecting in ${seconds} s (attempt ${view.attempt})` : `Reconnecting now (attempt ${view.attempt})`;
    }
    case 'failed':
      return 'Failed';
    case 'unregistering':
      return 'Going offline…';
  }
}
