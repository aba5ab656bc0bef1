import { z } from 'zod';
import type { FieldProblem } from './field-errors';

/**
 * Calls as plain, serialisable snapshots. The sip.js adapter in the
 * renderer produces them (it keeps sip.js Session objects to itself); the
 * renderer's store shows them; main receives them (calls.report) to drive
 * notifications and to write the call history.
 *
 * ```
 *  outbound: dialing ──180/183──► ringing ──200──► active ⇄ held ──BYE──► ended
 *  inbound:  incoming ──answer──► connecting ──ACK──► active ⇄ held ──BYE──► ended
 *  any state ──CANCEL / 4xx-6xx / BYE / failure──► ended (with an end reason)
 * ```
 */
export const callStateSchema = z.enum(['dialing', 'ringing', 'incoming', 'connecting', 'active', 'ended']);
export type CallState = z.infer<typeof callStateSchema>;

/** Why a call ended, in the terms an agent uses. */
export const callEndReasonSchema = z.enum([
  /** Someone hung up an answered call. */
  'hangup',
  /** The callee was busy (486/600). */
  'busy',
  /** The callee declined (603), or the agent declined an incoming call. */
  'declined',
  /** No such number or user (404/484/604). */
  'not-found',
  /** The callee is not reachable now (480/410/503). */
  'unavailable',
  /** Nobody answered in time (408/487 after a timeout). */
  'no-answer',
  /** The caller gave up before it was answered (outbound: the agent; inbound: the remote party). */
  'cancelled',
  /** Answered on another device of the same user. */
  'answered-elsewhere',
  /** Handed to someone else by a blind or attended transfer. */
  'transferred',
  /** Connection or media failure. */
  'network',
  /** The microphone could not be opened (permission denied, none connected). */
  'microphone',
  /** Any other failure. */
  'failed',
]);
export type CallEndReason = z.infer<typeof callEndReasonSchema>;

/** Longest SIP URI a call carries (its peer, a transfer target); the engine clips to it. */
export const MAX_URI_LENGTH = 512;
/** Longest user part (number or extension) of a call's peer; the engine clips to it. */
export const MAX_USER_LENGTH = 256;
/** Longest display name of a call's peer (remote-controlled); the engine clips to it. */
export const MAX_PEER_DISPLAY_NAME_LENGTH = 256;
/** Longest call id (the engine makes them; the history keys on them). */
export const MAX_CALL_ID_LENGTH = 128;

export const callPeerSchema = z.object({
  /** The peer's SIP URI, e.g. sip:+4930123456@pbx.example.com */
  uri: z.string().max(MAX_URI_LENGTH),
  /** User part: the number or extension as dialled or as it arrived. */
  user: z.string().max(MAX_USER_LENGTH),
  /** Display name from SIP headers: remote-controlled text, rendered as text only. */
  displayName: z.string().max(MAX_PEER_DISPLAY_NAME_LENGTH).nullable(),
});
export type CallPeer = z.infer<typeof callPeerSchema>;

/**
 * The times a call can carry, in epoch ms: from 2000-01-01T00:00:00Z to
 * 2100-01-01T00:00:00Z. A report is written to the history on disk and
 * must read back the same after a restart, so anything a JSON line or a
 * duration cannot hold faithfully (NaN, ±Infinity, ±1e308, fractions,
 * integers beyond 2^53) is refused at the IPC boundary instead.
 */
export const EARLIEST_CALL_TIME_MS = 946_684_800_000;
export const LATEST_CALL_TIME_MS = 4_102_444_800_000;
/** The longest talk time, in whole seconds, that times in that range allow. */
export const MAX_CALL_DURATION_SEC = (LATEST_CALL_TIME_MS - EARLIEST_CALL_TIME_MS) / 1000;

/** A call time: whole epoch ms within [EARLIEST_CALL_TIME_MS, LATEST_CALL_TIME_MS]. */
export const callTimeSchema = z.number().int().min(EARLIEST_CALL_TIME_MS).max(LATEST_CALL_TIME_MS);

const callSnapshotFields = z.object({
  id: z.string().min(1).max(MAX_CALL_ID_LENGTH),
  direction: z.enum(['inbound', 'outbound']),
  peer: callPeerSchema,
  state: callStateSchema,
  muted: z.boolean(),
  /** Put on hold by the agent. */
  held: z.boolean(),
  /** Put on hold by the other side (re-INVITE with sendonly/inactive). */
  remoteHeld: z.boolean(),
  /** Epoch ms. */
  startedAt: callTimeSchema,
  /** Not before startedAt. */
  answeredAt: callTimeSchema.nullable(),
  /** Not before answeredAt (or startedAt, if never answered). */
  endedAt: callTimeSchema.nullable(),
  end: z
    .object({
      reason: callEndReasonSchema,
      /** Who ended it. */
      by: z.enum(['local', 'remote', 'system']),
      statusCode: z.number().int().min(100).max(699).optional(),
    })
    .nullable(),
  /** A transfer in progress or done. */
  transfer: z
    .object({
      kind: z.enum(['blind', 'attended']),
      target: z.string().max(MAX_URI_LENGTH),
      status: z.enum(['pending', 'accepted', 'failed']),
    })
    .nullable(),
  /** For an attended transfer: the consultation call this call is linked to. */
  consultFor: z.string().max(MAX_CALL_ID_LENGTH).nullable(),
});

/**
 * A call as the engine reports it, its times in order: answered no earlier
 * than it started, ended no earlier than it was answered (or started).
 */
export const callSnapshotSchema = callSnapshotFields
  .refine((call) => call.answeredAt === null || call.answeredAt >= call.startedAt, {
    path: ['answeredAt'],
    message: 'call-answered-before-start' satisfies FieldProblem,
  })
  .refine((call) => call.endedAt === null || call.endedAt >= (call.answeredAt ?? call.startedAt), {
    path: ['endedAt'],
    message: 'call-ended-before-start' satisfies FieldProblem,
  });
export type CallSnapshot = z.infer<typeof callSnapshotSchema>;

/** What the agent can do from a notification or the tray, sent by main to the renderer. */
export const callActionSchema = z.object({ callId: z.string().min(1).max(128), action: z.enum(['answer', 'decline']) });
export type CallAction = z.infer<typeof callActionSchema>;
