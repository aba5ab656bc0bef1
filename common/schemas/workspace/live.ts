import { z } from 'zod';
import { presenceSchema } from '../presence';
import { idSchema } from './agent';

/**
 * The workspace's push channel (`GET /api/v1/live`, a WebSocket) and team
 * status. Codes only: the app words them where they are shown.
 *
 *   app                                   workspace
 *    │── open ws ─────────────────────────►│
 *    │── hello { token, since? } ─────────►│  (first message; never in the URL, which ends up in logs)
 *    │◄──────── ready { seq, missed } ─────│  missed: the events after `since` meant for us, in order
 *    │◄──────── resync-required { seq } ───│  …or: too far behind (or a new database): reload everything
 *    │◄──────── event { seq, event } ──────│  as they happen, `seq` rising
 *    │◄──────── close(LIVE_CLOSE.*) ───────│  token expired / removed / disabled / bad hello
 */

/** Registered with the SIP server, presence and "on a call", for one agent. */
export const agentStatusSchema = z.object({
  agentId: idSchema,
  registered: z.boolean(),
  presence: presenceSchema,
  onCall: z.boolean(),
});
export type AgentStatus = z.infer<typeof agentStatusSchema>;

/** What an app reports (`PUT /api/v1/me/status`); registration comes from the SIP server, not the app. */
export const statusReportSchema = z.strictObject({ presence: presenceSchema, onCall: z.boolean() });
export type StatusReport = z.infer<typeof statusReportSchema>;

/** `GET /api/v1/team/status`: everyone's status, and the sequence it is as of (subscribe with `since: seq`). */
export const teamStatusSchema = z.object({ seq: z.number().int().nonnegative(), agents: z.array(agentStatusSchema) });
export type TeamStatus = z.infer<typeof teamStatusSchema>;

/** One change in the team. Ids and versions only: the app fetches what it shows. */
export const liveEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('agent-changed'), agentId: idSchema, version: z.number().int() }),
  z.object({ type: z.literal('agent-removed'), agentId: idSchema }),
  z.object({ type: z.literal('group-changed'), groupId: idSchema, version: z.number().int() }),
  z.object({ type: z.literal('group-removed'), groupId: idSchema }),
  z.object({ type: z.literal('status-changed'), status: agentStatusSchema }),
  /** Too much changed at once to say it event by event (e.g. a group of 500 renamed its members): reload `scope`. */
  z.object({ type: z.literal('resync'), scope: z.enum(['team']) }),
]);
export type LiveEvent = z.infer<typeof liveEventSchema>;

/** Most events `ready` replays; further behind is `resync-required`. */
export const MAX_MISSED_EVENTS = 1000;

export const liveClientMessageSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('hello'), token: z.string().min(1).max(1000), since: z.number().int().nonnegative().optional() }),
]);
export type LiveClientMessage = z.infer<typeof liveClientMessageSchema>;

const sequenced = { seq: z.number().int().nonnegative(), event: liveEventSchema };
export const liveServerMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ready'), seq: z.number().int().nonnegative(), missed: z.array(z.object(sequenced)).max(MAX_MISSED_EVENTS) }),
  z.object({ type: z.literal('resync-required'), seq: z.number().int().nonnegative() }),
  z.object({ type: z.literal('event'), ...sequenced }),
]);
export type LiveServerMessage = z.infer<typeof liveServerMessageSchema>;
export type SequencedEvent = { seq: number; event: LiveEvent };

/**
 * Why the workspace closed the push channel (WebSocket close codes 4000–4999
 * are the application's). The app: token → refresh and reconnect at once;
 * removed / disabled → sign out here and tell the agent; unauthorized → as
 * for a refused refresh.
 */
export const LIVE_CLOSE = {
  /** The access token lapsed: reconnect with a fresh one and `since`. */
  tokenExpired: 4001,
  /** No valid hello in time, or a token that is not ours. */
  unauthorized: 4002,
  /** An admin removed this agent from the team. */
  removed: 4003,
  /** An admin disabled this agent. */
  disabled: 4004,
} as const;
export type LiveCloseCode = (typeof LIVE_CLOSE)[keyof typeof LIVE_CLOSE];

/** Most entries of one kind in a {@link TeamUpdate}; a burst past it is told as `resync` instead. */
export const MAX_TEAM_UPDATE_ENTRIES = 2000;

/**
 * The team's changes as main tells the window, a burst at once (coalesced in
 * main/services/workspace/team-push.ts): which agents changed (the newest
 * version of each) or went, whether any group changed, teammates' newest
 * status, and `resync` when everything may have changed. Ids and versions
 * only: the window fetches what it shows.
 */
export const teamUpdateSchema = z.object({
  agents: z.array(z.object({ agentId: idSchema, version: z.number().int() })).max(MAX_TEAM_UPDATE_ENTRIES),
  removedAgentIds: z.array(idSchema).max(MAX_TEAM_UPDATE_ENTRIES),
  groups: z.boolean(),
  statuses: z.array(agentStatusSchema).max(MAX_TEAM_UPDATE_ENTRIES),
  resync: z.boolean(),
});
export type TeamUpdate = z.infer<typeof teamUpdateSchema>;
