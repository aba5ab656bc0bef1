import { z } from 'zod';
import { linkOpenedSchema, type LinkOpened } from '../common/schemas/app-link';
import type { FieldProblem } from '../common/schemas/field-errors';
import type { IpcProblem } from '../common/schemas/ipc-problem';
import { appCreateTeamSchema, appSignInSchema, type WorkspaceRefusal } from '../common/schemas/workspace/app-session';
import { accountInputSchema, type EngineAccount } from '../common/schemas/account';
import { callActionSchema, callSnapshotSchema } from '../common/schemas/call';
import { historyEntrySchema, historyQuerySchema, type HistoryPage } from '../common/schemas/history';
import { preferencesPatchSchema } from '../common/schemas/preferences';
import { engineCommandSchema, engineReportSchema } from '../common/schemas/engine';
import { presenceSchema } from '../common/schemas/presence';
import {
  recordingChunkSchema,
  recordingReadSchema,
  recordingUploadBeginSchema,
  recordingUploadFinishSchema,
  type RecordingInfo,
} from '../common/schemas/recording';
import { appSnapshotSchema, type AppSnapshot } from '../common/schemas/snapshot';
import { agentCreateSchema, agentListQuerySchema, agentPatchSchema, idSchema, type Agent, type AgentList } from '../common/schemas/workspace/agent';
import { auditQuerySchema, type AuditPage } from '../common/schemas/workspace/audit';
import { teamUpdateSchema, type TeamStatus } from '../common/schemas/workspace/live';
import type { TeamCopy } from '../common/schemas/workspace/team-copy';
import type { InvitationSent, InvitationState } from '../common/schemas/workspace/invitation';
import { groupCreateSchema, groupPatchSchema, type Group, type GroupList } from '../common/schemas/workspace/group';

/**
 * THE IPC contract: every channel between main and the renderer, declared
 * once. Main registers its handlers from it (main/ipc/register-handlers.ts),
 * the preload builds `window.ringdesk` from it (preload/create-api.ts), and
 * the renderer's types come from it. Nothing here may import `electron`:
 * it compiles for every side.
 *
 * To add a channel: see "How to add an IPC channel" in README.md.
 */

declare const resultBrand: unique symbol;
declare const payloadBrand: unique symbol;

/** A renderer → main call: channel, request schema (checked in main), result type. */
export interface InvokeSpec<S extends z.ZodType, R> {
  readonly channel: `ringdesk:${string}:${string}`;
  readonly request: S;
  readonly [resultBrand]?: R;
}

/**
 * A main → renderer event and its payload type, with a runtime schema: main
 * checks what it sends against it in dev and test builds
 * (main/ipc/checked-emitter.ts).
 */
export interface EventSpec<P> {
  readonly channel: `ringdesk:${string}:${string}`;
  readonly payload: z.ZodType<P>;
  readonly [payloadBrand]?: P;
}

function invoke<S extends z.ZodType, R>(channel: InvokeSpec<S, R>['channel'], request: S, _result: Phantom<R>): InvokeSpec<S, R> {
  return { channel, request };
}
function event<P>(channel: EventSpec<P>['channel'], payload: z.ZodType<P>): EventSpec<P> {
  return { channel, payload };
}
type Phantom<T> = { readonly __phantom?: T };
function returns<T>(): Phantom<T> {
  return {};
}

const noArgs = z.undefined();

export const contract = {
  app: {
    /** Everything the window shows about account, presence and registration. */
    getSnapshot: invoke('ringdesk:app:get-snapshot', noArgs, returns<AppSnapshot>()),
    /** The agent has read a notice (e.g. "settings were recovered"). */
    dismissNotice: invoke('ringdesk:app:dismiss-notice', z.object({ id: z.string().min(1).max(100) }), returns<AppSnapshot>()),
  },
  account: {
    /** Validates, stores (password encrypted) and starts registering. */
    save: invoke('ringdesk:account:save', accountInputSchema, returns<AppSnapshot>()),
    /** Engine settings for a one-off "Test connection" of unsaved fields. */
    prepareTest: invoke('ringdesk:account:prepare-test', accountInputSchema, returns<EngineAccount>()),
  },
  workspace: {
    /** Signs in to a team workspace: it hands over the SIP account, and the phone registers at once. */
    signIn: invoke('ringdesk:workspace:sign-in', appSignInSchema, returns<AppSnapshot>()),
    /** Creates the team on an empty workspace; the creator becomes its Owner, signed in and registering. */
    createTeam: invoke('ringdesk:workspace:create-team', appCreateTeamSchema, returns<AppSnapshot>()),
    /** Ends this computer's session (the workspace forgets its refresh token) and stops registering. */
    signOut: invoke('ringdesk:workspace:sign-out', noArgs, returns<AppSnapshot>()),
    /**
     * Turns the agent's own Extended Agents Dashboard on or off (`PATCH
     * /api/v1/me/profile`). The workspace refuses it per field
     * (`settings.preferences.extendedDashboard`: `dashboard-admins-only`,
     * `dashboard-team-too-small`).
     */
    setExtendedDashboard: invoke('ringdesk:workspace:set-extended-dashboard', z.strictObject({ on: z.boolean() }), returns<AppSnapshot>()),
  },
  /**
   * The team, for Administrators and the Owner (main refuses a Basic agent,
   * and so does the workspace). Each call goes to the workspace at once:
   * unreachable is refused as `workspace-unreachable`, never queued. Edits
   * carry the `version` the admin saw; an older one is refused as
   * `version-conflict` with who saved first. Field errors use the same keys
   * as the request (`extension`, `groupIds`, …).
   */
  team: {
    /** A page of summaries (name order) matching the search and filters, with the total. */
    listAgents: invoke('ringdesk:team:list-agents', agentListQuerySchema, returns<AgentList>()),
    getAgent: invoke('ringdesk:team:get-agent', z.strictObject({ id: idSchema }), returns<Agent>()),
    /** Adds a teammate (pending until the invitation is accepted). */
    createAgent: invoke('ringdesk:team:create-agent', agentCreateSchema, returns<Agent>()),
    /** The changed fields of agent `id`, with the `version` they were read at. */
    updateAgent: invoke('ringdesk:team:update-agent', agentPatchSchema.extend({ id: idSchema }), returns<Agent>()),
    deleteAgent: invoke('ringdesk:team:delete-agent', z.strictObject({ id: idSchema }), returns<null>()),
    /** Who changed what about agent `id`, newest first. */
    agentAudit: invoke('ringdesk:team:agent-audit', auditQuerySchema.extend({ id: idSchema }), returns<AuditPage>()),
    /** Agent `id`'s open invitation (null unless pending): when its email went out, or that it did not and why (a code). */
    agentInvitation: invoke('ringdesk:team:agent-invitation', z.strictObject({ id: idSchema }), returns<InvitationState>()),
    /** Sends pending agent `id` a new invitation (its old link dies); `rate-limited` with `retryAfterSec`, `agent-already-active`. */
    resendInvitation: invoke('ringdesk:team:resend-invitation', z.strictObject({ id: idSchema }), returns<InvitationSent>()),
    /** Every group with its members. */
    listGroups: invoke('ringdesk:team:list-groups', noArgs, returns<GroupList>()),
    createGroup: invoke('ringdesk:team:create-group', groupCreateSchema, returns<Group>()),
    /** Rename, renumber or change the members of group `id`, with the `version` it was read at. */
    updateGroup: invoke('ringdesk:team:update-group', groupPatchSchema.extend({ id: idSchema }), returns<Group>()),
    /** Refused (`agent-needs-group`, with `agentIds`) while it would leave someone with no group. */
    deleteGroup: invoke('ringdesk:team:delete-group', z.strictObject({ id: idSchema }), returns<null>()),
    /** Every teammate's status (registered, presence, on a call); `teamChanged` events keep it current. */
    status: invoke('ringdesk:team:status', noArgs, returns<TeamStatus>()),
    /** The last copy of the team main read (kept across restarts), for reading while the workspace is unreachable; null when none is kept. */
    copy: invoke('ringdesk:team:copy', noArgs, returns<TeamCopy | null>()),
  },
  presence: {
    set: invoke('ringdesk:presence:set', presenceSchema, returns<AppSnapshot>()),
  },
  registration: {
    /** Skip the back-off wait (or retry after wrong credentials). */
    retryNow: invoke('ringdesk:registration:retry-now', noArgs, returns<AppSnapshot>()),
  },
  preferences: {
    /** Changes some preferences (audio devices, country, notifications…); returns the new snapshot. */
    update: invoke('ringdesk:preferences:update', preferencesPatchSchema, returns<AppSnapshot>()),
  },
  calls: {
    /**
     * A call changed (sent on every transition, and once when it ends). Main
     * notifies (incoming, missed), brings the window forward, and writes the
     * call history when the call ends.
     */
    report: invoke('ringdesk:calls:report', callSnapshotSchema, returns<null>()),
  },
  recordings: {
    /**
     * Recordings move in chunks (common/schemas/recording.ts): begin an
     * upload, send its bytes in order, finish; read back in ranges. Main
     * checks every size and the audio container against its label.
     */
    beginUpload: invoke('ringdesk:recordings:begin-upload', recordingUploadBeginSchema, returns<{ uploadId: string }>()),
    sendChunk: invoke('ringdesk:recordings:send-chunk', recordingChunkSchema, returns<null>()),
    finishUpload: invoke('ringdesk:recordings:finish-upload', recordingUploadFinishSchema, returns<RecordingInfo>()),
    read: invoke('ringdesk:recordings:read', recordingReadSchema, returns<Uint8Array>()),
  },
  history: {
    /** A page of the call history, newest first. */
    query: invoke('ringdesk:history:query', historyQuerySchema, returns<HistoryPage>()),
  },
  links: {
    /**
     * The window listens for `linkOpened` from now on: what main made of a
     * link that came before (first start, a reload), or null. Subscribe first.
     */
    takePending: invoke('ringdesk:links:take-pending', noArgs, returns<LinkOpened | null>()),
  },
  engine: {
    /** The renderer's SIP engine is up and waiting for commands (also after a reload). */
    ready: invoke('ringdesk:engine:ready', noArgs, returns<null>()),
    /** What the engine actually did. */
    report: invoke('ringdesk:engine:report', engineReportSchema, returns<null>()),
  },
} as const;

export const events = {
  /** Everything the window shows, whole, on every change. */
  snapshot: event('ringdesk:app:snapshot', appSnapshotSchema),
  /** What main wants the SIP engine to do. */
  engineCommand: event('ringdesk:engine:command', engineCommandSchema),
  /** The agent answered or declined from a notification (or the tray). */
  callAction: event('ringdesk:calls:action', callActionSchema),
  /** A call was added to the history: a delta, never the whole history. */
  historyAdded: event('ringdesk:history:added', historyEntrySchema),
  /** The team changed on the workspace (live sync), a burst at once: what to fetch again, and teammates' status. */
  teamChanged: event('ringdesk:team:changed', teamUpdateSchema),
  /** The OS handed the app a link (`ringdesk://sign-in…`): what main made of it, for the window to act on or say. */
  linkOpened: event('ringdesk:links:opened', linkOpenedSchema),
} as const;

export type Contract = typeof contract;
export type Events = typeof events;

/** Why main refused or failed a call. Always returned, never thrown. */
export type IpcError =
  | { code: 'invalid-input'; fields: Record<string, FieldProblem> }
  /** The sender is not our window's main frame. */
  | { code: 'forbidden' }
  | { code: 'failed'; problem: IpcProblem }
  /** The team workspace refused (its code) or could not be reached, with what the code needs (WorkspaceRefusal). */
  | ({ code: 'workspace' } & WorkspaceRefusal);

export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: IpcError };

export type RequestOf<S> = S extends InvokeSpec<infer Z, unknown> ? z.input<Z> : never;
export type ParsedRequestOf<S> = S extends InvokeSpec<infer Z, unknown> ? z.output<Z> : never;
export type ResultOf<S> = S extends InvokeSpec<z.ZodType, infer R> ? R : never;
export type PayloadOf<E> = E extends EventSpec<infer P> ? P : never;

type ApiMethod<S> = S extends InvokeSpec<infer Z, infer R>
  ? undefined extends z.input<Z>
    ? (request?: z.input<Z>) => Promise<IpcResult<R>>
    : (request: z.input<Z>) => Promise<IpcResult<R>>
  : never;

/** `window.ringdesk`: named functions only, no raw channels. */
export type RingdeskApi = {
  readonly [A in keyof Contract]: { readonly [M in keyof Contract[A]]: ApiMethod<Contract[A][M]> };
} & {
  readonly [E in keyof Events as `on${Capitalize<E & string>}`]: (listener: (payload: PayloadOf<Events[E]>) => void) => () => void;
};

/** Every invoke channel, for registration checks. */
export function allInvokeSpecs(): Array<{ area: string; method: string; spec: InvokeSpec<z.ZodType, unknown> }> {
  return Object.entries(contract).flatMap(([area, methods]) =>
    Object.entries(methods).map(([method, spec]) => ({ area, method, spec: spec as InvokeSpec<z.ZodType, unknown> })),
  );
}
