import type { CallPeer, CallSnapshot, CallState } from '../../common/schemas/call';
import type { Preferences } from '../../common/schemas/preferences';
import type { Presence } from '../../common/schemas/presence';
import type { DesktopNotification } from '../ports/notifier';
import { messages } from '../messages/messages';
import { callHistoryStatus } from './call-history-status';

/**
 * Which call events reach the desktop, from each reported transition.
 *
 * ```
 *  (first seen) ──inbound, 'incoming'──► show "Incoming call" [Answer] [Decline]
 *                                        (+ bring the window forward: for the first call of
 *                                        a burst, and at most once per 5 s)
 *  'incoming' ──any other state───────► withdraw it (or, if the caller's other calls
 *                                        still ring, point it at the newest of them)
 *  ──'ended', status 'missed'─────────► show "Missed call from …"
 * ```
 *
 * A burst of calls from one caller must not bury the agent: calls from the
 * same number while one of them still rings, or within 5 s of the last, share
 * one notification that is updated ("3 calls from …", its buttons acting on
 * the newest ringing call), and their missed calls share another ("5 missed
 * calls from …"). Updates replace the notification without a sound.
 *
 * Do Not Disturb shows nothing (the engine answers 486 anyway); each kind
 * has its own toggle in the preferences.
 *
 * Pure: the caller keeps the returned memory and hands it back with the next
 * report, and passes the time in.
 */
export type CallNotificationStep =
  /** `callId`: the call the notification's Answer / Decline act on. */
  | { kind: 'show-incoming'; notification: DesktopNotification; callId: string }
  | { kind: 'show-missed'; notification: DesktopNotification }
  | { kind: 'close'; tag: string }
  | { kind: 'show-window' };

export interface CallNotificationSettings {
  notifications: Preferences['notifications'];
  bringWindowForward: boolean;
  presence: Presence;
}

/** Calls from one caller this close together are one burst. */
export const CALL_BURST_GAP_MS = 5_000;
/** The window is brought forward for a call at most this often, however many callers ring. */
export const WINDOW_RAISE_INTERVAL_MS = 5_000;

interface Caller {
  name: string | null;
  number: string;
}

/** One caller's burst of ringing calls, shown as one notification. */
interface RingingGroup {
  tag: string;
  caller: Caller;
  /** Calls in the burst so far, ringing or not. */
  calls: number;
  /** Ids of its calls still ringing, oldest first. */
  ringing: readonly string[];
  /** The call the notification on screen acts on; null when none is shown. */
  shown: string | null;
  lastAt: number;
}

/** One caller's missed calls in a burst, shown as one notification. */
interface MissedGroup {
  tag: string;
  caller: Caller;
  calls: number;
  lastAt: number;
}

/** What deciding remembers between reports, to group bursts and space out window raises. */
export interface CallNotificationMemory {
  readonly ringing: readonly RingingGroup[];
  readonly missed: readonly MissedGroup[];
  /** When the window was last brought forward for a call; null before the first. */
  readonly raisedAt: number | null;
}

export const NO_CALL_NOTIFICATIONS: CallNotificationMemory = { ringing: [], missed: [], raisedAt: null };

export interface CallNotificationDecision {
  steps: CallNotificationStep[];
  memory: CallNotificationMemory;
}

export const incomingCallTag = (callId: string): string => `incoming-call:${callId}`;
export const missedCallTag = (callId: string): string => `missed-call:${callId}`;

export function decideCallNotifications(input: {
  /** The state main last saw for this call; null on its first report. */
  previous: CallState | null;
  call: CallSnapshot;
  settings: CallNotificationSettings;
  /** The name the history remembers for the caller's number. */
  knownName: string | null;
  now: number;
  memory: CallNotificationMemory;
}): CallNotificationDecision {
  const { previous, call, settings, knownName, now } = input;
  const steps: CallNotificationStep[] = [];
  let memory = forgetQuietBursts(input.memory, now);
  if (previous === 'incoming' && call.state !== 'incoming') memory = stopRinging(memory, call.id, steps);
  if (settings.presence === 'dnd' || previous === call.state) return { steps, memory };

  const caller = (): Caller => callerOf(call.peer, knownName);
  if (call.direction === 'inbound' && call.state === 'incoming') {
    const joinsBurst = memory.ringing.some((g) => g.caller.number === caller().number);
    memory = startRinging(memory, call.id, caller(), now, settings.notifications.incomingCall, steps);
    // A burst already brought the window forward: its later calls never do.
    if (settings.bringWindowForward && !joinsBurst && (memory.raisedAt === null || now - memory.raisedAt >= WINDOW_RAISE_INTERVAL_MS)) {
      steps.push({ kind: 'show-window' });
      memory = { ...memory, raisedAt: now };
    }
  }
  if (call.state === 'ended' && settings.notifications.missedCall && callHistoryStatus(call) === 'missed') {
    memory = addMissed(memory, call.id, caller(), now, steps);
  }
  return { steps, memory };
}

/** The window and its calls went away: withdraw every ringing notification (their buttons would do nothing). */
export function forgetRinging(memory: CallNotificationMemory): CallNotificationDecision {
  const steps: CallNotificationStep[] = memory.ringing.filter((g) => g.shown !== null).map((g) => ({ kind: 'close', tag: g.tag }));
  return { steps, memory: { ...memory, ringing: [] } };
}

/** Does deciding for this report need the history's name for the caller? (Saves a lookup on most reports.) */
export function needsCallerName(previous: CallState | null, call: CallSnapshot): boolean {
  return call.direction === 'inbound' && previous !== call.state && (call.state === 'incoming' || call.state === 'ended') && !nameOf(call.peer.displayName, numberOf(call.peer));
}

/**
 * Bursts that are over (nothing rings, nothing new for a while) start afresh
 * next time; this also keeps the memory small. A caller's missed calls stay
 * one group while any of their calls still rings, however long since the
 * last one was missed: its end belongs to the same burst.
 */
function forgetQuietBursts(memory: CallNotificationMemory, now: number): CallNotificationMemory {
  const recent = (g: { lastAt: number }) => now - g.lastAt <= CALL_BURST_GAP_MS;
  const ringing = memory.ringing.filter((g) => g.ringing.length > 0 || recent(g));
  const stillRinging = (number: string) => ringing.some((g) => g.caller.number === number && g.ringing.length > 0);
  return { ...memory, ringing, missed: memory.missed.filter((g) => recent(g) || stillRinging(g.caller.number)) };
}

function startRinging(memory: CallNotificationMemory, callId: string, caller: Caller, now: number, notify: boolean, steps: CallNotificationStep[]): CallNotificationMemory {
  const existing = memory.ringing.find((g) => g.caller.number === caller.number);
  const group: RingingGroup = {
    tag: existing?.tag ?? incomingCallTag(callId),
    caller,
    calls: (existing?.calls ?? 0) + 1,
    ringing: [...(existing?.ringing ?? []), callId],
    shown: notify ? callId : (existing?.shown ?? null),
    lastAt: now,
  };
  if (notify) steps.push({ kind: 'show-incoming', notification: incomingNotification(group, existing?.shown != null), callId });
  return { ...memory, ringing: [...memory.ringing.filter((g) => g !== existing), group] };
}

function stopRinging(memory: CallNotificationMemory, callId: string, steps: CallNotificationStep[]): CallNotificationMemory {
  const existing = memory.ringing.find((g) => g.ringing.includes(callId));
  if (!existing) return memory;
  const ringing = existing.ringing.filter((id) => id !== callId);
  let shown = existing.shown;
  if (shown !== null && ringing.length === 0) {
    steps.push({ kind: 'close', tag: existing.tag });
    shown = null;
  } else if (shown === callId) {
    // Its buttons would act on a call that no longer rings: point them at the newest that does.
    shown = ringing.at(-1)!;
    steps.push({ kind: 'show-incoming', notification: incomingNotification({ ...existing, ringing }, true), callId: shown });
  }
  const group = { ...existing, ringing, shown };
  return { ...memory, ringing: memory.ringing.map((g) => (g === existing ? group : g)) };
}

function addMissed(memory: CallNotificationMemory, callId: string, caller: Caller, now: number, steps: CallNotificationStep[]): CallNotificationMemory {
  const existing = memory.missed.find((g) => g.caller.number === caller.number);
  const group: MissedGroup = { tag: existing?.tag ?? missedCallTag(callId), caller, calls: (existing?.calls ?? 0) + 1, lastAt: now };
  steps.push({ kind: 'show-missed', notification: missedNotification(group, existing !== undefined) });
  return { ...memory, missed: [...memory.missed.filter((g) => g !== existing), group] };
}

function incomingNotification(group: RingingGroup, update: boolean): DesktopNotification {
  const { name, number } = group.caller;
  return {
    tag: group.tag,
    title: group.calls > 1 ? messages.notifications.callsFrom(group.calls, name ?? number) : messages.notifications.incomingCall,
    body: name ? `${name}\n${number}` : number,
    urgent: true,
    persistent: true,
    quiet: update,
    actions: [
      { id: 'answer', label: messages.notifications.answer },
      { id: 'decline', label: messages.notifications.decline },
    ],
  };
}

function missedNotification(group: MissedGroup, update: boolean): DesktopNotification {
  const { name, number } = group.caller;
  const who = name ?? number;
  return {
    tag: group.tag,
    title: group.calls > 1 ? messages.notifications.missedCallsFrom(group.calls, who) : messages.notifications.missedCallFrom(who),
    body: name ? number : messages.notifications.missedCallBody,
    quiet: update,
  };
}

/** Display name from SIP, else the history's, else none; and the number (or address). */
export function callerOf(peer: CallPeer, knownName: string | null): Caller {
  const number = numberOf(peer);
  return { name: nameOf(peer.displayName, number) ?? nameOf(knownName, number), number };
}

function numberOf(peer: CallPeer): string {
  return cleanText(peer.user) || cleanText(peer.uri) || messages.notifications.unknownCaller;
}

/** A name worth showing: not empty, and not just the number again (many PBXs send that). */
function nameOf(name: string | null, number: string): string | null {
  const clean = cleanText(name ?? '');
  return clean && clean !== number ? clean : null;
}

const MAX_SHOWN = 80;

/**
 * Caller names come from SIP headers: remote-controlled text. Keep it to one
 * plain line — no control or bidi-override characters that could disguise
 * the notification — and of a sensible length.
 */
export function cleanText(text: string): string {
  // eslint-disable-next-line no-control-regex
  const plain = text.replace(/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, ' ').replace(/\s+/g, ' ').trim();
  return plain.length > MAX_SHOWN ? `${plain.slice(0, MAX_SHOWN - 1)}…` : plain;
}
