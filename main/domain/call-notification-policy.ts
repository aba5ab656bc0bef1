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
 *                                        (+ bring the window forward)
 *  'incoming' ──any other state───────► close it at once
 *  ──'ended', status 'missed'─────────► show "Missed call from …"
 * ```
 *
 * Do Not Disturb shows nothing (the engine answers 486 anyway); each kind
 * has its own toggle in the preferences.
 */
export type CallNotificationStep =
  | { kind: 'show-incoming'; notification: DesktopNotification }
  | { kind: 'show-missed'; notification: DesktopNotification }
  | { kind: 'close'; tag: string }
  | { kind: 'show-window' };

export interface CallNotificationSettings {
  notifications: Preferences['notifications'];
  bringWindowForward: boolean;
  presence: Presence;
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
}): CallNotificationStep[] {
  const { previous, call, settings, knownName } = input;
  const steps: CallNotificationStep[] = [];
  if (previous === 'incoming' && call.state !== 'incoming') steps.push({ kind: 'close', tag: incomingCallTag(call.id) });
  if (settings.presence === 'dnd' || previous === call.state) return steps;

  if (call.direction === 'inbound' && call.state === 'incoming') {
    if (settings.notifications.incomingCall) steps.push({ kind: 'show-incoming', notification: incomingCallNotification(call, knownName) });
    if (settings.bringWindowForward) steps.push({ kind: 'show-window' });
  }
  if (call.state === 'ended' && settings.notifications.missedCall && callHistoryStatus(call) === 'missed') {
    steps.push({ kind: 'show-missed', notification: missedCallNotification(call, knownName) });
  }
  return steps;
}

/** Does deciding for this report need the history's name for the caller? (Saves a lookup on most reports.) */
export function needsCallerName(previous: CallState | null, call: CallSnapshot): boolean {
  return call.direction === 'inbound' && previous !== call.state && (call.state === 'incoming' || call.state === 'ended') && !nameOf(call.peer.displayName, numberOf(call.peer));
}

function incomingCallNotification(call: CallSnapshot, knownName: string | null): DesktopNotification {
  const { name, number } = callerOf(call.peer, knownName);
  return {
    tag: incomingCallTag(call.id),
    title: messages.notifications.incomingCall,
    body: name ? `${name}\n${number}` : number,
    urgent: true,
    persistent: true,
    actions: [
      { id: 'answer', label: messages.notifications.answer },
      { id: 'decline', label: messages.notifications.decline },
    ],
  };
}

function missedCallNotification(call: CallSnapshot, knownName: string | null): DesktopNotification {
  const { name, number } = callerOf(call.peer, knownName);
  return {
    tag: missedCallTag(call.id),
    title: messages.notifications.missedCallFrom(name ?? number),
    body: name ? number : messages.notifications.missedCallBody,
  };
}

/** Display name from SIP, else the history's, else none; and the number (or address). */
export function callerOf(peer: CallPeer, knownName: string | null): { name: string | null; number: string } {
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
