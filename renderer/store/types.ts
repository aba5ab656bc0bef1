import type { AuditPage } from '../../common/schemas/workspace/audit';
import type { InvitationSent, InvitationState } from '../../common/schemas/workspace/invitation';
import type { AppCreateTeam, AppSignIn } from '../../common/schemas/workspace/app-session';
import type { RingdeskApi } from '../../preload/contract';
import type { FieldProblem } from '../../common/schemas/field-errors';
import type { AccountInput } from '../../common/schemas/account';
import type { CallSnapshot } from '../../common/schemas/call';
import type { HistoryEntry, HistoryFilter } from '../../common/schemas/history';
import type { PreferencesPatch } from '../../common/schemas/preferences';
import type { Presence } from '../../common/schemas/presence';
import type { AppSnapshot } from '../../common/schemas/snapshot';
import type { Agent, AgentCreate, AgentPatch, AgentRole, AgentSummary } from '../../common/schemas/workspace/agent';
import type { Group, GroupCreate, GroupPatch } from '../../common/schemas/workspace/group';
import type { AgentStatus } from '../../common/schemas/workspace/live';
import type { AudioHardware, MicrophoneLevel } from '../audio/audio-hardware';
import type { AudioDevice, DeviceRole } from '../domain/audio-devices';
import type { Telephony } from '../telephony/telephony';

/** A problem the renderer ran into itself (a refused request): already in words, unlike main's coded notices. */
export interface LocalNotice {
  id: string;
  tone: 'error' | 'info';
  message: string;
}

/** What the store needs from outside; tests pass fakes. */
/** The engine's call changes, as the screen follows them (renderer/app/call-relay.ts). */
export interface CallFeed {
  /** Each batch holds the calls that changed, in order; an ended call comes once. */
  onCallChanges(listener: (changed: CallSnapshot[]) => void): () => void;
}

export interface RingdeskDeps {
  desktop: RingdeskApi;
  telephony: Telephony;
  /** The engine's call changes, from the call relay (which also reports them to main). */
  calls: CallFeed;
  audio: AudioHardware;
}

export type LoadStatus = 'idle' | 'loading' | 'ready' | 'failed';

/** The mirror of main's AppSnapshot, and the actions that ask main to change it. */
export interface SnapshotSlice {
  snapshot: AppSnapshot | null;
  loadStatus: LoadStatus;
  /** Plain-words reason the first snapshot could not be fetched. */
  loadError: string | null;
  /** Fetches the snapshot and (once) starts following main's pushes. */
  load(): Promise<void>;
  applySnapshot(snapshot: AppSnapshot): void;
  setPresence(presence: Presence): Promise<void>;
  retryNow(): Promise<void>;
  /** Dismisses a notice from main, or one the renderer raised itself. */
  dismissNotice(id: string): Promise<void>;
  /** Asks main to change some preferences; resolves false (with a notice) when refused. */
  updatePreferences(patch: PreferencesPatch): Promise<boolean>;
}

export type SetupStatus = 'idle' | 'saving' | 'testing' | 'signing-in' | 'creating-team' | 'signing-out';

/**
 * Where the first run is: the welcome with its two choices, the team sign-in
 * (explained, not yet available) or the SIP account form.
 */
export type FirstRunStep = 'welcome' | 'team' | 'create-team' | 'sip';

export interface TestOutcome {
  ok: boolean;
  message: string;
}

/** State of the account form that has to outlive a single render: busy flags and main's answers. */
export interface SetupSlice {
  setup: {
    status: SetupStatus;
    test: TestOutcome | null;
    /** Main's field errors, keyed like `fields.domain` or `password`. */
    /** Main's problems with fields, as codes (the form puts them into words). */
    fieldErrors: Record<string, FieldProblem>;
    /** A problem not tied to one field. */
    formError: string | null;
    /** Only read while no account is saved: editing a saved one always shows the form. */
    firstRunStep: FirstRunStep;
    /** "Sign in to your team" opened from a link: what it fills in (`seq` tells one link's from the next). */
    teamPrefill: TeamSignInPrefill | null;
  };
  /** Resolves true when main saved the account. */
  saveAccount(input: AccountInput): Promise<boolean>;
  /** Team sign-in: the workspace hands over the SIP account; true once signed in. */
  signInToWorkspace(input: AppSignIn): Promise<boolean>;
  /** Resolves true when the team was created and its Owner (this agent) signed in. */
  createTeam(input: AppCreateTeam): Promise<boolean>;
  signOutOfWorkspace(): Promise<void>;
  testConnection(input: AccountInput): Promise<void>;
  /** Forgets main's error for `key` and anything under it (the agent is fixing it). */
  clearServerFieldErrors(key: string): void;
  resetSetup(): void;
  showFirstRunStep(step: FirstRunStep): void;
  /** Opens "Sign in to your team" with the workspace address (and email) filled in, as a link asked. */
  openTeamSignIn(prefill: { url: string; email?: string | undefined }): void;
}

/** What a sign-in link fills in on "Sign in to your team". */
export interface TeamSignInPrefill {
  url: string;
  email: string;
  seq: number;
}

/** Links the OS handed main (`linkOpened`): a sign-in form to open, or something to say. */
export interface LinksSlice {
  /** Listens for main's linkOpened, then collects one that came before. Returns the stop. */
  followLinks(): () => void;
}

/** The sections of the phone shell's navigation ('team' only for Administrators and the Owner). */
export type View = 'phone' | 'history' | 'team' | 'settings';

export interface UiSlice {
  ui: {
    /** The open section; the call area stays on screen whichever it is. */
    view: View;
    editingAccount: boolean;
    /** Problems the renderer itself ran into (failed IPC calls), shown like main's notices. */
    localNotices: LocalNotice[];
    /** A form on screen holds changes not saved yet: leaving the section asks first. */
    unsavedChanges: boolean;
    /** The section the agent asked for while changes were unsaved, waiting for their answer. */
    pendingView: View | null;
  };
  /** Opens a section; with unsaved changes it is only asked for (pendingView) until the agent decides. */
  showView(view: View): void;
  setUnsavedChanges(unsaved: boolean): void;
  /** The answer to "discard unsaved changes?": true leaves for the pending section, false stays. */
  settlePendingView(discard: boolean): void;
  openAccountEditor(): void;
  closeAccountEditor(): void;
  /** Shows a message of the renderer's own until dismissed (an error unless `tone` says otherwise). */
  reportProblem(message: string, tone?: LocalNotice['tone']): void;
}

/** Something the agent asked for that could not start, in words they can act on. */
export type Outcome<T = object> = ({ ok: true } & T) | { ok: false; message: string };

/**
 * The engine's calls as the agent sees them, and what the agent can do with
 * them. Every operation goes through the telephony port; the snapshots that
 * come back (onCallsChanged) are the only source of call state.
 */
export interface CallsSlice {
  calls: {
    /** Calls on screen in the order they arrived: live ones and, for a few seconds, ended ones. */
    list: CallSnapshot[];
    /** What Redial calls (as the dial field would show it), or null when nothing was dialled yet. */
    lastDialed: string | null;
  };
  /** Mirrors the engine's calls, reports each change to main and follows main's call actions. Returns the stop. */
  followCalls(): () => void;
  /** Calls what the agent typed (a number, extension or SIP address), holding the call they are on. */
  dial(text: string): Outcome<{ callId: string }>;
  /** Calls the last number dialled again. */
  redial(): Outcome<{ callId: string }>;
  /** Fills `lastDialed` from the history when this session has not dialled yet. */
  loadLastDialed(): Promise<void>;
  /** Answers; a call the agent is talking on is put on hold first (call waiting). */
  answer(callId: string): void;
  decline(callId: string): void;
  hangup(callId: string): void;
  toggleMute(callId: string): void;
  /** Holds, or resumes (holding whichever call the agent is talking on). */
  toggleHold(callId: string): void;
  sendDtmf(callId: string, digits: string): void;
  /** Brings a held call back, holding the one the agent is talking on. */
  switchTo(callId: string): void;
  blindTransfer(callId: string, target: string): Outcome;
  /** Attended transfer, step 1: hold the call and dial the colleague. */
  startConsult(callId: string, target: string): Outcome<{ callId: string }>;
  /** Attended transfer, step 2: connect the caller to the colleague. */
  completeTransfer(callId: string, consultCallId: string): void;
  /** Attended transfer abandoned: hang up on the colleague and resume the caller. */
  cancelConsult(consultCallId: string): void;
  /** Removes an ended call's outcome from the screen now. */
  dismissCall(callId: string): void;
}

export type HistoryLoadStatus = 'idle' | 'loading' | 'ready' | 'failed';

/** The part of the call history around what is on screen; main holds the whole history. */
export interface HistorySlice {
  history: {
    filter: HistoryFilter;
    search: string;
    /** Newest first; at most HISTORY_HELD_LIMIT of them. */
    entries: HistoryEntry[];
    /** Older entries than these exist. */
    hasMore: boolean;
    /** Newer entries than these exist (let go while the agent scrolled down). */
    hasNewer: boolean;
    status: HistoryLoadStatus;
    loadingMore: boolean;
    loadingNewer: boolean;
    /** Why the last page could not be loaded. */
    error: string | null;
  };
  /** Loads the first page for a filter and search (the current ones when not given). */
  loadHistory(view?: { filter?: HistoryFilter; search?: string }): Promise<void>;
  /** The next older page, letting the newest go past HISTORY_HELD_LIMIT. */
  loadMoreHistory(): Promise<void>;
  /** The entries above the window again (from main), letting the oldest go. */
  loadNewerHistory(): Promise<void>;
  /** Lets go of everything held (the History view closed). */
  releaseHistory(): void;
  /** Adds calls to the list as main records them. Returns the stop. */
  followHistory(): () => void;
  /** Recent calls matching a search, for dial suggestions; [] when main cannot answer. */
  findRecentCalls(search: string, limit: number): Promise<HistoryEntry[]>;
}

/** The computer's audio devices, and the agent's choices among them. */
export interface DevicesSlice {
  devices: {
    /** Microphones and speakers present now; null until first listed. */
    list: AudioDevice[] | null;
  };
  refreshDevices(): Promise<void>;
  /** Lists devices, follows hot-plugging, and keeps the engine's media options in step. Returns the stop. */
  followDevices(): () => void;
  /** Remembers a device for a role (null: the system default). */
  chooseDevice(role: DeviceRole, device: AudioDevice | null): Promise<void>;
  /** Opens the chosen microphone for the level meter, or says why it cannot. */
  openMicrophone(): Promise<Outcome<{ meter: MicrophoneLevel }>>;
  /** Plays the test sound on the chosen speaker or ringer. */
  playTestSound(role: 'speaker' | 'ringer'): Promise<Outcome>;
}

/**
 * The dial field's text, kept here rather than in the Dialer so that digits
 * typed anywhere on the Phone view (TypedDigitsListener) can reach it.
 */
export interface DialerSlice {
  dialer: {
    text: string;
    /** Typing elsewhere put text in the field: the field should take focus when next shown. */
    focusPending: boolean;
  };
  /** The field's new text; formatted as a number when the caret is at the end (editing in the middle keeps the caret). */
  editDialText(text: string, caretAtEnd?: boolean): void;
  /** A character typed outside the field: appended, and the field asked to take focus. */
  typeIntoDialField(character: string): void;
  /** The field took the focus it was asked to. */
  dialFieldFocused(): void;
}

/** Why main or the workspace refused a team request: per field (codes), or in words. */
export interface TeamRefusal {
  /** Field codes keyed like the request (`extension`, `groupIds`, `name`). */
  fields: Record<string, FieldProblem>;
  /** Words for a refusal not tied to one field, or null. */
  message: string | null;
  /** `version-conflict`: who saved first. */
  conflict: { fullName: string; at: number } | null;
  /** The workspace could not be reached: nothing was saved, and nothing will be later. */
  offline: boolean;
}

export type TeamResult<T> = { ok: true; value: T } | { ok: false; refusal: TeamRefusal };

export type TeamLoadStatus = 'idle' | 'loading' | 'ready' | 'failed';

/** The team for admins: a paged copy of the agent list and every group; edits through main, never queued. */
export interface TeamSlice {
  team: {
    search: string;
    role: AgentRole | null;
    groupId: string | null;
    /** Name order; the first pages of the list as filtered. */
    agents: AgentSummary[];
    /** How many agents match, loaded or not. */
    total: number;
    status: TeamLoadStatus;
    loadingMore: boolean;
    /** Why the last refresh failed (the copy shown may be stale), in words. */
    error: string | null;
    /** The workspace could not be reached last time: reading the last copy, edits refused. */
    offline: boolean;
    /** Offline: when the copy main kept was last brought up to date (ms), or null (online, or no copy kept). */
    offlineAsOf: number | null;
    groups: Group[];
  };
  /** THE way the copy is brought up to date: the agents held (same filters) and the groups. Push can call it too. */
  refreshTeam(): Promise<void>;
  /** New search or filters: the list starts again from its first page. */
  filterTeam(filter: Partial<Pick<TeamSlice['team'], 'search' | 'role' | 'groupId'>>): Promise<void>;
  loadMoreAgents(): Promise<void>;
  readTeamAgent(id: string): Promise<TeamResult<Agent>>;
  createTeamAgent(body: AgentCreate): Promise<TeamResult<Agent>>;
  updateTeamAgent(id: string, changes: AgentPatch): Promise<TeamResult<Agent>>;
  deleteTeamAgent(id: string): Promise<TeamResult<null>>;
  createTeamGroup(body: GroupCreate): Promise<TeamResult<Group>>;
  updateTeamGroup(id: string, changes: GroupPatch): Promise<TeamResult<Group>>;
  deleteTeamGroup(id: string): Promise<TeamResult<null>>;
  /** Agent `id`'s open invitation: sent when, or not delivered and why (null when none is open). */
  readAgentInvitation(id: string): Promise<TeamResult<InvitationState>>;
  /** A new invitation email for a pending agent; a refusal says when to try again, or why not, in words. */
  resendTeamInvitation(id: string): Promise<TeamResult<InvitationSent>>;
  /** A page of agent `id`'s audit trail, newest first. */
  readAgentActivity(id: string, offset: number, limit: number): Promise<TeamResult<AuditPage>>;
  /** Agents matching a search or in a group (editing members), at most `limit`; [] when main cannot answer. */
  findTeamAgents(filter: { search?: string; groupId?: string }, limit: number): Promise<AgentSummary[]>;
}

/**
 * The team as it changes on the workspace (main's `teamChanged` pushes):
 * teammates' status, which agents changed since they were read, and the
 * Extended Agents Dashboard's roster.
 */
export interface TeamLiveSlice {
  teamLive: {
    /** agentId → registered, presence, on a call. */
    statuses: Record<string, AgentStatus>;
    /** agentId → the newest version the workspace announced (an open form older than it is out of date). */
    changed: Record<string, number>;
    /** The dashboard's teammates (name order), and the groups to filter them by. */
    roster: AgentSummary[];
    rosterGroups: Group[];
    rosterStatus: TeamLoadStatus;
    /** Why the roster could not be refreshed (the one shown may be stale), in words. */
    rosterError: string | null;
  };
  /** Follows main's team updates (refreshing what is watched). Returns the stop. */
  followTeam(): () => void;
  /** Everyone's status, fetched whole (on watching, and after a resync). */
  refreshTeamStatus(): Promise<void>;
  /** The Team list is on screen: refresh it (and status) now and on every change. Returns the unwatch. */
  watchTeamList(): () => void;
  /** The dashboard is on screen: the same for its roster. Returns the unwatch. */
  watchDashboard(): () => void;
  loadRoster(): Promise<void>;
  /** Turns the agent's own dashboard preference on or off; resolves null, or the workspace's refusal in words. */
  setExtendedDashboard(on: boolean): Promise<string | null>;
}

export type RingdeskState = SnapshotSlice & SetupSlice & UiSlice & CallsSlice & HistorySlice & DevicesSlice & DialerSlice & TeamSlice & TeamLiveSlice & LinksSlice & {
  /** Starts everything that keeps the store live (calls, history, devices). Returns the stop. */
  follow(): () => void;
};
