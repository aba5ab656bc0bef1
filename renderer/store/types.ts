import type { RingdeskApi } from '../../preload/contract';
import type { AccountInput } from '../../preload/schemas/account';
import type { Presence } from '../../preload/schemas/presence';
import type { AppSnapshot, Notice } from '../../preload/schemas/snapshot';
import type { Telephony } from '../telephony/telephony';

/** What the store needs from outside; tests pass fakes. */
export interface RingdeskDeps {
  desktop: RingdeskApi;
  telephony: Telephony;
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
}

export type SetupStatus = 'idle' | 'saving' | 'testing';

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
    fieldErrors: Record<string, string>;
    /** A problem not tied to one field. */
    formError: string | null;
  };
  /** Resolves true when main saved the account. */
  saveAccount(input: AccountInput): Promise<boolean>;
  testConnection(input: AccountInput): Promise<void>;
  /** Forgets main's error for `key` and anything under it (the agent is fixing it). */
  clearServerFieldErrors(key: string): void;
  resetSetup(): void;
}

export interface UiSlice {
  ui: {
    editingAccount: boolean;
    /** Problems the renderer itself ran into (failed IPC calls), shown like main's notices. */
    localNotices: Notice[];
  };
  openAccountEditor(): void;
  closeAccountEditor(): void;
  reportProblem(message: string): void;
}

export type RingdeskState = SnapshotSlice & SetupSlice & UiSlice;
