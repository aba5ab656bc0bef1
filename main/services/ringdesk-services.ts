import type { AppCreateTeamInput } from './workspace/workspace-session';
import type { AccountFields, EngineAccount } from '../../common/schemas/account';
import type { EngineReport } from '../../common/schemas/engine';
import type { PreferencesPatch } from '../../common/schemas/preferences';
import type { Presence } from '../../common/schemas/presence';
import type { AppSnapshot } from '../../common/schemas/snapshot';
import type { AppLinkIntake } from './app-links';
import type { CallService } from './call-services';
import type { RecordingStore } from './recordings/recording-store';
import type { TeamService } from './workspace/team-service';

/** The account as the setup form sends it, after validation. */
export interface AccountInputParams {
  fields: AccountFields;
  password?: string | undefined;
}

/**
 * Everything the window may ask of main, as plain TypeScript: no channels,
 * no senders, no IpcResult. The IPC layer (contract-handlers.ts) maps the
 * contract (preload/contract.ts) onto it. A failure the agent should read
 * is thrown as a UserFacingError.
 */
export interface RingdeskServices {
  state: {
    snapshot(): Promise<AppSnapshot>;
    dismissNotice(id: string): Promise<void>;
  };
  account: {
    save(input: AccountInputParams): Promise<void>;
    prepareTest(input: AccountInputParams): Promise<EngineAccount>;
  };
  workspace: {
    signIn(input: { url: string; email: string; password: string }): Promise<void>;
    createTeam(input: AppCreateTeamInput): Promise<void>;
    signOut(): Promise<void>;
    /** The agent's own Extended Agents Dashboard preference, on the workspace. */
    setExtendedDashboard(on: boolean): Promise<void>;
  };
  /** The team, for admins: every call goes to the workspace at once, never queued. */
  team: TeamService;
  presence: { set(next: Presence): Promise<void> };
  preferences: { update(patch: PreferencesPatch): Promise<void> };
  registration: { retryNow(): void };
  engine: { ready(): void; report(report: EngineReport): void };
  /** Links the OS handed over: the window collects one that came before it listened. */
  links: Pick<AppLinkIntake, 'takePending'>;
  calls: Pick<CallService, 'report' | 'queryHistory'>;
  recordings: Pick<RecordingStore, 'begin' | 'chunk' | 'finish' | 'read'>;
}
