import type { CallSnapshot } from '../../common/schemas/call';

/**
 * Several calls at once: which one the agent is talking on, and what must be
 * put on hold before another is answered or resumed. Only one call is ever
 * "in the agent's ear"; every other established call is held.
 *
 * ```
 *            answer B / switch to B / resume B
 *   A talking ──────────────────────────────────► A held, B talking
 *       ▲                                                │
 *       └──────────── switch to A / B ends, resume A ────┘
 *
 *   consult:  A talking ──startConsult──► A held, C dialling (consultFor A)
 *             C ──complete──► REFER A to C (both end "transferred")
 *             C ──back to caller──► C hung up, A resumed
 * ```
 *
 * These functions only decide; the store carries the plan out through the
 * telephony port.
 */

/** Calls that still exist on the line (not ended). */
export function liveCalls(calls: readonly CallSnapshot[]): CallSnapshot[] {
  return calls.filter((c) => c.state !== 'ended');
}

/**
 * A call is under way (dialled, talking or held), so the Phone view shows
 * the call screen instead of the dialer. A call only ringing in does not
 * count: the agent may be typing a number when it arrives.
 */
export function hasCallInProgress(calls: readonly CallSnapshot[]): boolean {
  return calls.some((c) => c.state !== 'ended' && c.state !== 'incoming');
}

/**
 * Calls the agent is talking on, or is about to (answered, media being set
 * up), and has not held: answering or dialling another call must hold these
 * first, or two callers would hear each other's conversation.
 */
function talking(calls: readonly CallSnapshot[]): CallSnapshot[] {
  return calls.filter((c) => (c.state === 'active' || c.state === 'connecting') && !c.held);
}

/** Sort order: the call answered (or, never answered, started) last comes first. */
function latestAnsweredFirst(a: CallSnapshot, b: CallSnapshot): number {
  return (b.answeredAt ?? b.startedAt) - (a.answeredAt ?? a.startedAt);
}

/**
 * The call "in the agent's ear": the most recently answered call they have
 * not held; else one being set up (connecting, or dialled out). Null when
 * the agent is free (ringing-in calls do not count).
 */
export function currentCall(calls: readonly CallSnapshot[]): CallSnapshot | null {
  const [first] = talking(calls).sort(latestAnsweredFirst);
  if (first) return first;
  return calls.find((c) => c.state === 'connecting' || c.state === 'dialing' || c.state === 'ringing') ?? null;
}

/** The agent is on a call (for call waiting: a softer tone instead of the ringer). */
export function isBusy(calls: readonly CallSnapshot[]): boolean {
  return calls.some((c) => c.state === 'active' || c.state === 'connecting');
}

/** Incoming calls still ringing, the longest-waiting first. */
export function ringingCalls(calls: readonly CallSnapshot[]): CallSnapshot[] {
  return calls.filter((c) => c.state === 'incoming').sort((a, b) => a.startedAt - b.startedAt);
}

/**
 * How the call area lays the calls out: one call in focus (the full in-call
 * screen), the other live calls as one-line rows beside it, and the calls
 * that just ended. In focus: the call in the agent's ear; else the call
 * ringing in longest; else the held call answered last (the agent held
 * their only call and will resume it).
 */
export interface CallLayout {
  focused: CallSnapshot | null;
  /** Live calls other than the focused one, in the order they came. */
  others: CallSnapshot[];
  /** Ended calls still shown with their outcome, in the order they came. */
  ended: CallSnapshot[];
}

export function callLayout(calls: readonly CallSnapshot[]): CallLayout {
  const live = liveCalls(calls);
  const focused = currentCall(live) ?? ringingCalls(live)[0] ?? [...live].sort(latestAnsweredFirst)[0] ?? null;
  return {
    focused,
    others: live.filter((c) => c !== focused),
    ended: calls.filter((c) => c.state === 'ended'),
  };
}

/** Answering `callId` first puts a call the agent is talking on on hold (call waiting: "Hold & answer"). */
export function answerHoldsAnother(calls: readonly CallSnapshot[], callId: string): boolean {
  return planAnswer(calls, callId).hold.length > 0;
}

/** What to do to bring `callId` to the agent's ear. */
export interface FocusPlan {
  /** Put these on hold first. */
  hold: string[];
  /** Then resume this one (it was held), or null. */
  resume: string | null;
}

/**
 * Answering a call while on another (call waiting): hold every call the
 * agent is talking on first, then answer.
 */
export function planAnswer(calls: readonly CallSnapshot[], callId: string): FocusPlan {
  return { hold: talking(calls).filter((c) => c.id !== callId).map((c) => c.id), resume: null };
}

/** Dialling out while on a call: hold every call the agent is talking on first. */
export function planDial(calls: readonly CallSnapshot[]): FocusPlan {
  return { hold: talking(calls).map((c) => c.id), resume: null };
}

/**
 * Switching to (or resuming) a held call: hold the others the agent is
 * talking on, then resume it. Nothing to do for a call that is not
 * established or not held.
 */
export function planSwitch(calls: readonly CallSnapshot[], callId: string): FocusPlan {
  const target = calls.find((c) => c.id === callId);
  if (!target || target.state !== 'active') return { hold: [], resume: null };
  return {
    hold: talking(calls).filter((c) => c.id !== callId).map((c) => c.id),
    resume: target.held ? callId : null,
  };
}

/** The established, held call the agent could switch to while on `callId`, if exactly one. */
export function switchCandidate(calls: readonly CallSnapshot[], callId: string): CallSnapshot | null {
  const others = calls.filter((c) => c.id !== callId && c.state === 'active' && c.held);
  return others.length === 1 ? others[0]! : null;
}

/** The original call a consultation call was started for (attended transfer), if it is still there. */
export function consultedCall(calls: readonly CallSnapshot[], consult: CallSnapshot): CallSnapshot | null {
  if (!consult.consultFor) return null;
  return calls.find((c) => c.id === consult.consultFor && c.state !== 'ended') ?? null;
}

/**
 * Two snapshots describe the same moment of a call (nothing the agent or
 * main could notice changed), so the change need not be shown or reported.
 */
export function sameCallState(a: CallSnapshot, b: CallSnapshot): boolean {
  return (
    a.state === b.state &&
    a.muted === b.muted &&
    a.held === b.held &&
    a.remoteHeld === b.remoteHeld &&
    a.answeredAt === b.answeredAt &&
    a.endedAt === b.endedAt &&
    a.consultFor === b.consultFor &&
    a.peer.uri === b.peer.uri &&
    a.peer.user === b.peer.user &&
    a.peer.displayName === b.peer.displayName &&
    JSON.stringify(a.end) === JSON.stringify(b.end) &&
    JSON.stringify(a.transfer) === JSON.stringify(b.transfer)
  );
}
