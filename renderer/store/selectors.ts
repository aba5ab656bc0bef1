import type { CallSnapshot } from '../../common/schemas/call';
import { DEFAULT_PREFERENCES, type Preferences } from '../../common/schemas/preferences';
import type { Notice } from '../../common/schemas/snapshot';
import type { Reachability, RegistrationView } from '../../common/schemas/registration';
import { deviceFallbackText, resolveAudio, resolveDeviceChoice, ROLE_KIND, type DeviceRole } from '../domain/audio-devices';
import { currentCall, hasCallInProgress, isBusy, liveCalls, ringingCalls } from '../domain/call-juggling';
import { computerCountry } from '../domain/computer-country';
import { hostOf, userOf } from '../domain/dial-target';
import type { MediaOptions } from '../telephony/telephony';
import type { LocalNotice, RingdeskState, View } from './types';

/**
 * Pure reads of the store. Selectors that build a new object or array must
 * be used through `useShallow`.
 */

/** What fills the window: the first-run screens until an account exists, then the phone shell. */
export type Screen = 'starting' | 'load-failed' | 'first-run' | 'shell';

export function selectScreen(s: RingdeskState): Screen {
  if (!s.snapshot) return s.loadStatus === 'failed' ? 'load-failed' : 'starting';
  return s.snapshot.account ? 'shell' : 'first-run';
}

/** Signed in to a team workspace as an Administrator or the Owner: the Team area is theirs. */
export function selectIsTeamAdmin(s: RingdeskState): boolean {
  const role = s.snapshot?.workspace?.agent.role;
  return role === 'admin' || role === 'owner';
}

/**
 * The Extended Agents Dashboard is asked for: an admin whose own preference
 * is on (the workspace refuses the preference otherwise). The panel also
 * needs at least DASHBOARD_MIN_TEAM working agents, which it counts from its roster.
 */
export const selectDashboardWanted = (s: RingdeskState): boolean => selectIsTeamAdmin(s) && s.snapshot?.workspace?.agent.extendedDashboard === true;

/** The section on screen: Team falls back to Phone for anyone not (or no longer) an admin. */
export const selectOpenView = (s: RingdeskState): View => (s.ui.view === 'team' && !selectIsTeamAdmin(s) ? 'phone' : s.ui.view);

/** The saved account while the agent edits it; null on first setup. */
export const selectAccountBeingEdited = (s: RingdeskState) => (s.ui.editingAccount ? (s.snapshot?.account ?? null) : null);

/** Name and address for the phone screen header (use with useShallow). */
export function selectAccountHeader(s: RingdeskState): { displayName: string; aor: string; extension: string } | null {
  const account = s.snapshot?.account;
  if (!account) return null;
  // Signed in to a team, the workspace knows the agent's name and extension; the SIP
  // user there is an opaque id that colleagues never dial.
  const agent = s.snapshot?.workspace?.agent;
  if (agent) return { displayName: agent.fullName, aor: account.aor, extension: agent.extension };
  return { displayName: account.displayName, aor: account.aor, extension: userOf(account.aor) ?? account.aor };
}

/** The reachability to warn about, or null when calls can come in. */
export const selectUnreachable = (s: RingdeskState): Reachability | null =>
  s.snapshot && !s.snapshot.reachability.canReceiveCalls ? s.snapshot.reachability : null;

/** The agent is already setting up the account (first run, or editing it in the shell), so "Edit account" would do nothing. */
export const selectIsOnSetup = (s: RingdeskState) => selectScreen(s) === 'first-run' || selectAccountBeingEdited(s) !== null;

/** Main's notices, then the renderer's own (use with useShallow). */
export const selectNotices = (s: RingdeskState): Array<Notice | LocalNotice> => [...(s.snapshot?.notices ?? []), ...s.ui.localNotices];

export const selectPresence = (s: RingdeskState) => s.snapshot?.presence ?? 'offline';

/** Before main's first snapshot: one object, so a component reading it does not see a new value each render. */
const STARTING: RegistrationView = { status: 'starting' };

export const selectRegistration = (s: RingdeskState): RegistrationView => s.snapshot?.registration ?? STARTING;

/** When main will try to register again by itself (epoch ms), or null when no retry is waiting. */
export function selectNextAttemptAt(s: RingdeskState): number | null {
  const view = s.snapshot?.registration;
  return view?.status === 'reconnecting' ? view.nextAttemptAt : null;
}

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
      return 'Connecting…';
    case 'registered':
      return 'Connected';
    case 'reconnecting': {
      const seconds = secondsUntil(view.nextAttemptAt, now);
      return seconds > 0 ? `Reconnecting in ${seconds} s (attempt ${view.attempt})` : `Reconnecting now (attempt ${view.attempt})`;
    }
    case 'failed':
      // The header is a glance; the banner below it says why and what to do.
      return view.cause === 'auth' ? 'Password refused' : 'Not connected';
    case 'unregistering':
      return 'Going offline…';
  }
}

// ── preferences ────────────────────────────────────────────────────────────

/** Main's preferences, or the defaults before the first snapshot. */
export const selectPreferences = (s: RingdeskState): Preferences => s.snapshot?.preferences ?? DEFAULT_PREFERENCES;

/** The country numbers without a +country code belong to: the agent's choice, else the computer's. */
export const selectDefaultCountry = (s: RingdeskState): string => selectPreferences(s).defaultCountry ?? computerCountry();

/** The SIP domain numbers and extensions are dialled at (the host of the agent's address). */
export function selectAccountDomain(s: RingdeskState): string | null {
  const account = s.snapshot?.account;
  if (!account) return null;
  return hostOf(account.aor) ?? (account.fields.domain || null);
}

// ── calls ──────────────────────────────────────────────────────────────────

/** Every call on screen, oldest first (a stable array: safe without useShallow). */
export const selectCalls = (s: RingdeskState): CallSnapshot[] => s.calls.list;

export const selectCallById =
  (callId: string) =>
  (s: RingdeskState): CallSnapshot | null =>
    s.calls.list.find((c) => c.id === callId) ?? null;

/**
 * What the ringer should do: 'ring' for an incoming call, 'call-waiting'
 * (a soft tone) when one rings in while the agent is on another, or 'quiet'.
 */
export function selectRingMode(s: RingdeskState): 'quiet' | 'ring' | 'call-waiting' {
  const calls = s.calls.list;
  if (ringingCalls(calls).length === 0) return 'quiet';
  return isBusy(calls) ? 'call-waiting' : 'ring';
}

/** The call keypad tones go to: the one the agent is talking on, once connected and not held. */
export function selectToneCallId(s: RingdeskState): string | null {
  const call = currentCall(s.calls.list);
  return call?.state === 'active' && !call.held ? call.id : null;
}

/** Some call is still on the line (ringing, being set up, connected or held). */
export const selectHasLiveCall = (s: RingdeskState): boolean => liveCalls(s.calls.list).length > 0;

/** A call is under way, not just ringing in: the Phone view shows the call screen instead of the dialer. */
export const selectCallInProgress = (s: RingdeskState): boolean => hasCallInProgress(s.calls.list);

/** The incoming call Enter answers and Escape declines: the one waiting longest. */
export const selectFirstRingingCallId = (s: RingdeskState): string | null => ringingCalls(s.calls.list)[0]?.id ?? null;

// ── audio devices ──────────────────────────────────────────────────────────

/** The deviceId to use for a role now (null: the system default), after hot-plug fallback. */
export const selectDeviceId =
  (role: DeviceRole) =>
  (s: RingdeskState): string | null =>
    resolveDeviceChoice(selectPreferences(s).audio[role], s.devices.list, ROLE_KIND[role]).deviceId;

/** "Jabra Evolve2 65 was disconnected — using the computer's microphone", … (use with useShallow). */
export function selectDeviceFallbackNotices(s: RingdeskState): string[] {
  const resolved = resolveAudio(selectPreferences(s).audio, s.devices.list);
  return (['microphone', 'speaker', 'ringer'] as const).flatMap((role) => deviceFallbackText(role, resolved[role]) ?? []);
}

/** What the engine should use for call media now; null before main's preferences are known. Not for React (new object). */
export function selectMediaOptions(s: RingdeskState): MediaOptions | null {
  if (!s.snapshot) return null;
  const resolved = resolveAudio(s.snapshot.preferences.audio, s.devices.list);
  return { microphoneId: resolved.microphone.deviceId, speakerId: resolved.speaker.deviceId, dtmfMode: s.snapshot.preferences.dtmfMode };
}
