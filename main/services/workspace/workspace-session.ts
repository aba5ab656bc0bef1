import type { AccountSummary, EngineAccount } from '../../../common/schemas/account';
import type { Notice } from '../../../common/schemas/snapshot';
import type { WorkspaceView } from '../../../common/schemas/workspace/app-session';
import type { Session, WorkspaceCreate } from '../../../common/schemas/workspace/auth';

/** What the window sends (already checked by the contract): where the workspace is and its creation body. */
export type AppCreateTeamInput = WorkspaceCreate & { url: string };
import { workspaceSecretsSchema, type StoredWorkspace, type WorkspaceSecrets } from '../../domain/settings/settings-document';
import type { Clock } from '../../ports/clock';
import type { Logger } from '../../ports/logger';
import type { SecretVault } from '../../ports/secret-vault';
import { REGISTER_EXPIRES_SEC, type SipAccountSource } from '../account-service';
import type { SettingsRepository } from '../settings-repository';
import { UserFacingError } from '../user-facing-error';
import { WorkspaceCallFailed, type WorkspaceClient } from './workspace-client';

/** Refresh the access token this long before it expires. */
const REFRESH_MARGIN_MS = 60_000;

/** The workspace said this session is over: sign in again. */
const SESSION_OVER = new Set(['session-ended', 'unauthorized', 'account-disabled', 'account-pending', 'not-found']);

/**
 * This computer's session with a team workspace. Signing in stores where
 * the workspace is and who we are there (settings), and the refresh token
 * and SIP HA1 (vault, encrypted). It is the SIP account source while signed
 * in: the agent types nothing but email and password.
 *
 * Offline, the last copy stays: the phone keeps registering with the HA1
 * it has (Kamailio reads the workspace's database directly), and the window
 * shows the workspace as offline.
 */
export class WorkspaceSession implements SipAccountSource {
  private access: { token: string; expiresAt: number } | null = null;
  private connection: WorkspaceView['connection'] = 'offline';
  private memorySecrets: WorkspaceSecrets | null = null;
  /** Why the workspace ended the session here, for the notice (null: it did not). */
  private ended: Notice | null = null;

  constructor(
    private readonly deps: {
      settings: SettingsRepository;
      vault: SecretVault;
      client: WorkspaceClient;
      clock: Clock;
      log: Logger;
      instanceId: () => Promise<string>;
      /** The workspace became reachable again, or stopped being: the window's copy says so. */
      connectionChanged?: () => void;
      /** Signed out, or now signed in as someone else or elsewhere: the team copy kept here is not theirs. */
      forgetTeamCopy?: () => Promise<void>;
    },
  ) {}

  async signedIn(): Promise<boolean> {
    return (await this.deps.settings.load()).workspace !== undefined;
  }

  /** Signs in; on refusal throws a UserFacingError with the workspace's code (and when to retry). */
  async signIn(input: { url: string; email: string; password: string }): Promise<void> {
    const session = await this.ask(() => this.deps.client.signIn(input.url, { email: input.email, password: input.password }));
    await this.keep(input.url, session);
    this.ended = null;
    this.deps.log.info(`signed in to the workspace at ${input.url} as ${session.agent.email}`);
  }

  /** Creates the team (the workspace refuses with `workspace-exists` once there is one) and signs its Owner in. */
  async createTeam(input: AppCreateTeamInput): Promise<void> {
    const { url, ...body } = input;
    const session = await this.ask(() => this.deps.client.createWorkspace(url, body));
    await this.keep(url, session);
    this.ended = null;
    this.deps.log.info(`created the team "${body.name}" at ${url} as its Owner ${session.agent.email}`);
  }

  /** Forgets the session here and, when reachable, on the workspace too. */
  async signOut(): Promise<void> {
    const doc = await this.deps.settings.load();
    const secrets = this.readSecrets(doc.workspaceSecrets);
    if (doc.workspace && secrets) {
      await this.deps.client.signOut(doc.workspace.url, secrets.refreshToken).catch((error: unknown) => {
        // Signing out here must work offline too; the token then lapses on its own.
        this.deps.log.warn(`workspace sign-out not confirmed: ${error instanceof WorkspaceCallFailed ? error.failure : String(error)}`);
      });
    }
    await this.forget();
  }

  /**
   * At start and after the network returns: trade the refresh token for a
   * fresh session (new access token, current profile and SIP account).
   * Unreachable keeps the last copy; a session the workspace ended is
   * forgotten and the agent is told.
   */
  async resume(): Promise<'online' | 'offline' | 'ended' | 'none'> {
    const doc = await this.deps.settings.load();
    const secrets = this.readSecrets(doc.workspaceSecrets);
    if (!doc.workspace) return 'none';
    if (!secrets) return 'offline';
    try {
      await this.keep(doc.workspace.url, await this.deps.client.refresh(doc.workspace.url, secrets.refreshToken));
      return 'online';
    } catch (error) {
      if (error instanceof WorkspaceCallFailed && SESSION_OVER.has(error.failure)) {
        this.deps.log.warn(`the workspace ended this session (${error.failure})`);
        await this.forget();
        this.ended = { id: 'workspace-signed-out', tone: 'warning' };
        return 'ended';
      }
      this.setConnection('offline');
      this.deps.log.warn(`workspace not reachable, keeping the last copy: ${error instanceof WorkspaceCallFailed ? error.failure : String(error)}`);
      return 'offline';
    }
  }

  /** A valid access token for calls to the workspace, refreshing it when it is about to lapse. */
  async accessToken(): Promise<string> {
    if (!this.access || this.access.expiresAt - REFRESH_MARGIN_MS <= this.deps.clock.now()) {
      const outcome = await this.resume();
      if (outcome !== 'online' || !this.access) throw new UserFacingError({ workspace: outcome === 'ended' ? 'session-ended' : 'workspace-unreachable' });
    }
    return this.access.token;
  }

  /**
   * Runs one call to the workspace as the signed-in agent, with a valid
   * access token (refreshed through {@link accessToken} — the one refresh
   * path). A token the workspace no longer takes (its clock, a restart) is
   * refreshed once and the call repeated. Refusals come back as
   * UserFacingError codes; unreachable marks the copy offline. Nothing is
   * ever kept to retry later: the caller is told at once.
   */
  async authorized<T>(call: (access: { url: string; token: string }) => Promise<T>): Promise<T> {
    const url = (await this.deps.settings.load()).workspace?.url;
    if (!url) throw new UserFacingError({ workspace: 'unauthorized' });
    return this.ask(async () => {
      try {
        return await this.reached(call({ url, token: await this.accessToken() }));
      } catch (error) {
        if (!(error instanceof WorkspaceCallFailed) || error.failure !== 'unauthorized') throw error;
        this.access = null;
        return await this.reached(call({ url, token: await this.accessToken() }));
      }
    });
  }

  /** Follows whether the workspace answers at all (a refusal is an answer). */
  private async reached<T>(pending: Promise<T>): Promise<T> {
    try {
      const value = await pending;
      this.setConnection('online');
      return value;
    } catch (error) {
      this.setConnection(error instanceof WorkspaceCallFailed && error.failure === 'workspace-unreachable' ? 'offline' : 'online');
      throw error;
    }
  }

  private setConnection(next: WorkspaceView['connection']): void {
    if (this.connection === next) return;
    this.connection = next;
    this.deps.connectionChanged?.();
  }

  async view(): Promise<WorkspaceView | null> {
    const stored = (await this.deps.settings.load()).workspace;
    return stored ? { url: stored.url, name: stored.name, agent: stored.agent, connection: this.connection } : null;
  }

  notices(): Notice[] {
    return this.ended ? [this.ended] : [];
  }

  /**
   * The agent's own record changed on the workspace (live sync said so):
   * fetch it and keep the fresh copy — profile and SIP account (a new HA1
   * after a password change goes to the vault).
   */
  async refreshCopy(): Promise<void> {
    const doc = await this.deps.settings.load();
    if (!doc.workspace) return;
    const url = doc.workspace.url;
    const me = await this.ask(async () => this.deps.client.me(url, await this.accessToken()));
    const secrets = this.readSecrets(doc.workspaceSecrets);
    await this.store(url, doc.workspace.name, me.agent, me.sip, secrets ? { ...secrets, ha1: me.sip.ha1 } : null);
  }

  /**
   * The agent's own Extended Agents Dashboard preference. The version is the
   * one just read: a preference is one switch, so there is no typed input a
   * newer copy could silently overwrite. Refusals come back per field.
   */
  async setExtendedDashboard(on: boolean): Promise<void> {
    const doc = await this.deps.settings.load();
    if (!doc.workspace) throw new UserFacingError({ workspace: 'unauthorized' });
    const url = doc.workspace.url;
    const me = await this.ask(async () => this.deps.client.me(url, await this.accessToken()));
    const agent = await this.ask(async () => this.deps.client.updateProfile(url, await this.accessToken(), { version: me.agent.version, settings: { preferences: { extendedDashboard: on } } }));
    const secrets = this.readSecrets(doc.workspaceSecrets);
    await this.store(url, doc.workspace.name, agent, me.sip, secrets ? { ...secrets, ha1: me.sip.ha1 } : null);
  }

  /** An admin removed or disabled this agent (the push channel closed saying so): forget the session here and tell the agent. */
  async endedByAdmin(reason: 'removed' | 'disabled'): Promise<void> {
    this.deps.log.warn(`the workspace ended this session: the agent was ${reason}`);
    await this.forget();
    this.ended = { id: 'workspace-removed', tone: 'warning', params: { reason } };
  }

  async summary(): Promise<AccountSummary | null> {
    const stored = (await this.deps.settings.load()).workspace;
    if (!stored) return null;
    const { sip } = stored;
    return {
      displayName: sip.displayName,
      aor: `sip:${sip.sipUser}@${sip.domain}`,
      fields: { displayName: sip.displayName, sipUser: sip.sipUser, authUser: '', domain: sip.domain, realm: '', wsServer: sip.wsServer, iceServers: [] },
      hasPassword: true,
    };
  }

  async engineAccount(): Promise<EngineAccount | null> {
    const doc = await this.deps.settings.load();
    const secrets = this.readSecrets(doc.workspaceSecrets);
    if (!doc.workspace || !secrets) return null;
    const { sip } = doc.workspace;
    return {
      aor: `sip:${sip.sipUser}@${sip.domain}`,
      displayName: sip.displayName,
      authorizationUsername: sip.sipUser,
      authorizationHa1: secrets.ha1,
      realm: sip.domain,
      wsServer: sip.wsServer,
      iceServers: [],
      registerExpires: REGISTER_EXPIRES_SEC,
      instanceId: await this.deps.instanceId(),
    };
  }

  private async ask<T>(call: () => Promise<T>): Promise<T> {
    try {
      return await call();
    } catch (error) {
      if (error instanceof WorkspaceCallFailed) {
        const problem = error.problem;
        if (problem?.fields && Object.keys(problem.fields).length > 0) throw new UserFacingError({ fields: problem.fields });
        throw new UserFacingError({ workspace: error.failure, retryAfterSec: problem?.retryAfterSec, changedBy: problem?.changedBy, agentIds: problem?.agentIds });
      }
      throw error;
    }
  }

  private async keep(url: string, session: Session): Promise<void> {
    const before = (await this.deps.settings.load()).workspace;
    if (!before || before.url !== url || before.agent.id !== session.agent.id) await this.forgetTeamCopy();
    const info = await this.deps.client.info(url).catch(() => null);
    await this.store(url, info?.name ?? null, session.agent, session.sip, { refreshToken: session.refreshToken, ha1: session.sip.ha1 });
    this.access = { token: session.accessToken, expiresAt: session.accessExpiresAt };
    this.setConnection('online');
  }

  /** The copy of the workspace kept here: settings (who, where, SIP account) and the vault (refresh token, HA1). */
  private async store(url: string, name: string | null, agent: Session['agent'], provisioned: Session['sip'], secrets: WorkspaceSecrets | null): Promise<void> {
    const protection = this.deps.vault.protection();
    // No keychain: the session lasts until quit rather than leaving a token on disk in plain text.
    const cipher = secrets && protection !== 'none' ? this.deps.vault.encrypt(JSON.stringify(secrets)) : undefined;
    this.memorySecrets = protection === 'none' ? secrets : null;
    const { ha1: _ha1, ...sip } = provisioned;
    const stored: StoredWorkspace = {
      url,
      name,
      agent: { id: agent.id, fullName: agent.fullName, email: agent.email, extension: agent.extension, role: agent.role, extendedDashboard: agent.settings.preferences.extendedDashboard },
      sip,
    };
    await this.deps.settings.update((doc) => ({ ...doc, workspace: stored, workspaceSecrets: cipher }));
  }

  private async forget(): Promise<void> {
    this.access = null;
    this.memorySecrets = null;
    this.connection = 'offline';
    await this.deps.settings.update((doc) => ({ ...doc, workspace: undefined, workspaceSecrets: undefined }));
    await this.forgetTeamCopy();
  }

  private async forgetTeamCopy(): Promise<void> {
    await this.deps.forgetTeamCopy?.().catch((error: unknown) => this.deps.log.warn(`team copy not removed: ${String(error)}`));
  }

  private readSecrets(cipher: string | undefined): WorkspaceSecrets | null {
    if (!cipher) return this.memorySecrets;
    try {
      return workspaceSecretsSchema.parse(JSON.parse(this.deps.vault.decrypt(cipher)));
    } catch (error) {
      this.deps.log.warn(`workspace secrets could not be decrypted: ${(error as Error).name}`);
      return null;
    }
  }
}
