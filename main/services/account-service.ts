import { createHash, randomUUID } from 'node:crypto';
import type { AccountFields, AccountSummary, EngineAccount } from '../../common/schemas/account';
import type { Notice } from '../../common/schemas/snapshot';
import { resolveIdentity } from '../domain/account-identity';
import { secretsSchema, type Secrets, type SettingsDocument } from '../domain/settings/settings-document';
import { UserFacingError } from './user-facing-error';
import type { Logger } from '../ports/logger';
import type { SecretVault } from '../ports/secret-vault';
import type { SettingsRepository } from './settings-repository';

/** Registration lifetime we ask for; the engine refreshes well before it ends. */
export const REGISTER_EXPIRES_SEC = 300;

type ParsedInput = { fields: AccountFields; password?: string | undefined };

/**
 * The SIP account behind a port: today typed in by the agent and kept in
 * the settings file with its secrets encrypted; later issued by the team
 * workspace at sign-in.
 */
export interface SipAccountSource {
  summary(): Promise<AccountSummary | null>;
  engineAccount(): Promise<EngineAccount | null>;
}

export class AccountService implements SipAccountSource {
  /** Secrets of this session when the OS cannot encrypt them for disk. */
  private memorySecrets: Secrets | null = null;
  private unlockProblem: Notice | null = null;

  constructor(
    private readonly deps: { settings: SettingsRepository; vault: SecretVault; log: Logger },
  ) {}

  /**
   * The summary is asked for on every publish; reading it decrypts the
   * secrets through the keychain, so it is kept until what it is made from
   * changes: the account, its ciphertext, or the vault's protection. It
   * holds no secret itself.
   */
  private cachedSummary: { key: string; summary: AccountSummary | null } | null = null;

  async summary(): Promise<AccountSummary | null> {
    const doc = await this.deps.settings.load();
    const key = JSON.stringify([this.deps.vault.protection(), doc.secrets, doc.account]);
    if (this.cachedSummary?.key !== key) this.cachedSummary = { key, summary: this.readSummary(doc) };
    return this.cachedSummary.summary;
  }

  private readSummary(doc: SettingsDocument): AccountSummary | null {
    if (!doc.account) return null;
    const secrets = this.readSecrets(doc);
    const { fields } = doc.account;
    return {
      displayName: fields.displayName,
      aor: resolveIdentity(fields).aor,
      fields: {
        ...fields,
        iceServers: fields.iceServers.map((s) => ({ ...s, hasCredential: secrets?.iceCredentials[s.urls] !== undefined })),
      },
      hasPassword: Boolean(secrets?.sipPassword),
    };
  }

  async engineAccount(): Promise<EngineAccount | null> {
    const doc = await this.deps.settings.load();
    const secrets = this.readSecrets(doc);
    if (!doc.account || !secrets?.sipPassword) return null;
    return { ...toEngineAccount(doc.account.fields, secrets), instanceId: await this.instanceId() };
  }

  /** This installation's SIP instance id, made and saved the first time it is needed (whichever account registers). */
  async instanceId(): Promise<string> {
    const doc = await this.deps.settings.load();
    if (doc.instanceId) return doc.instanceId;
    const made = randomUUID();
    const saved = await this.deps.settings.update((current) => ({ ...current, instanceId: current.instanceId ?? made }));
    return saved.instanceId ?? made;
  }

  /**
   * Engine settings for "Test connection", from unsaved fields and only the
   * secrets typed into this request. Any script in the page can call this
   * channel without the agent doing anything, and the HA1 it returns is as
   * good as the password for registering with this realm elsewhere, so it is
   * never computed from the saved password. Saved TURN credentials are left
   * out for the same reason (they are as secret, and the test only
   * REGISTERs, so it does not need them); typed ones pass through. `save`
   * still keeps the saved secrets when they are left blank.
   */
  async prepareTest(input: ParsedInput): Promise<EngineAccount> {
    if (!input.password) {
      throw new UserFacingError({ fields: { password: 'password-needed-for-test' } });
    }
    return toEngineAccount(input.fields, { sipPassword: input.password, iceCredentials: iceCredentialsFor(input.fields, null) });
  }

  async save(input: ParsedInput): Promise<void> {
    const secrets = await this.mergeSecrets(input);
    const protection = this.deps.vault.protection();
    const cipher = protection === 'none' ? null : this.deps.vault.encrypt(JSON.stringify(secrets));
    this.memorySecrets = protection === 'none' ? secrets : null;
    this.unlockProblem = null;
    this.cachedSummary = null;
    const { iceServers, ...rest } = input.fields;
    await this.deps.settings.update((doc) => ({
      ...doc,
      account: { fields: { ...rest, iceServers: iceServers.map(({ urls, username }) => (username ? { urls, username } : { urls })) } },
      secrets: cipher,
    }));
    this.deps.log.info(`account saved for ${resolveIdentity(input.fields).aor} (secrets: ${protection})`);
  }

  /** Warnings about how (or whether) the password is kept. */
  async notices(): Promise<Notice[]> {
    const doc = await this.deps.settings.load();
    const out: Notice[] = [];
    if (this.unlockProblem) out.push(this.unlockProblem);
    if (!doc.account) return out;
    const protection = this.deps.vault.protection();
    if (protection === 'weak') out.push({ id: 'weak-keyring', tone: 'warning' });
    else if (protection === 'none') out.push({ id: 'no-keyring', tone: 'warning' });
    return out;
  }

  private async mergeSecrets(input: ParsedInput): Promise<Secrets> {
    const doc = await this.deps.settings.load();
    const saved = this.readSecrets(doc);
    // The saved password only goes to the server (and realm, user) it was
    // saved for: a digest answer sent elsewhere can be cracked offline.
    const sameServer = doc.account !== null && sameCredentialsTarget(doc.account.fields, input.fields);
    const sipPassword = input.password || (sameServer ? saved?.sipPassword : undefined);
    if (!sipPassword) {
      const again = doc.account !== null && !sameServer;
      throw new UserFacingError({ fields: { password: again ? 'password-again-for-changed-server' : 'password-missing' } });
    }
    return { sipPassword, iceCredentials: iceCredentialsFor(input.fields, saved) };
  }

  private readSecrets(doc: SettingsDocument): Secrets | null {
    if (!doc.secrets) return this.memorySecrets;
    try {
      return secretsSchema.parse(JSON.parse(this.deps.vault.decrypt(doc.secrets)));
    } catch (error) {
      // The keychain changed (new OS user, restored backup…): ask again rather than fail forever.
      this.deps.log.warn(`saved secrets could not be decrypted: ${(error as Error).name}`);
      this.unlockProblem = { id: 'secrets-locked', tone: 'error' };
      return null;
    }
  }
}

/** TURN credentials by server URL: those typed now, else (when given) the saved ones for the same URL. */
function iceCredentialsFor(fields: AccountFields, saved: Secrets | null): Record<string, string> {
  const credentials: Record<string, string> = {};
  for (const server of fields.iceServers) {
    const credential = server.credential || saved?.iceCredentials[server.urls];
    if (credential) credentials[server.urls] = credential;
  }
  return credentials;
}

function sameCredentialsTarget(a: AccountFields, b: AccountFields): boolean {
  const x = resolveIdentity(a);
  const y = resolveIdentity(b);
  return a.wsServer === b.wsServer && x.authUser === y.authUser && x.realm === y.realm && x.aor === y.aor;
}

function toEngineAccount(fields: AccountFields, secrets: Secrets): EngineAccount {
  const id = resolveIdentity(fields);
  return {
    aor: id.aor,
    displayName: fields.displayName,
    authorizationUsername: id.authUser,
    authorizationHa1: digestHa1(id.authUser, id.realm, secrets.sipPassword),
    realm: id.realm,
    wsServer: fields.wsServer,
    iceServers: fields.iceServers.map((s) => {
      const credential = secrets.iceCredentials[s.urls];
      return { urls: s.urls, ...(s.username ? { username: s.username } : {}), ...(credential ? { credential } : {}) };
    }),
    registerExpires: REGISTER_EXPIRES_SEC,
  };
}

/** RFC 2617 HA1: lets the engine answer digest challenges without the password. */
export function digestHa1(user: string, realm: string, password: string): string {
  return createHash('md5').update(`${user}:${realm}:${password}`).digest('hex');
}

