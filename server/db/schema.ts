import type { Generated } from 'kysely';

/**
 * The workspace's tables as Kysely sees them. Times are epoch milliseconds
 * (bigint in PostgreSQL, integer in SQLite), ids are UUIDs, JSON is text
 * validated with the shared zod schemas on the way in and out — the same
 * on both dialects.
 *
 * `subscriber`, `dbaliases` and `version` are Kamailio's own tables, with
 * Kamailio's column names and versions: Kamailio reads them straight from
 * this database (db_sqlite / db_postgres), so calls route while the service
 * is down.
 */
export interface Schema {
  workspace: WorkspaceTable;
  agent: AgentTable;
  agent_group: GroupTable;
  group_member: GroupMemberTable;
  invitation: InvitationTable;
  refresh_token: RefreshTokenTable;
  throttle: ThrottleTable;
  audit: AuditTable;
  server_secret: ServerSecretTable;
  version: KamailioVersionTable;
  subscriber: KamailioSubscriberTable;
  dbaliases: KamailioAliasTable;
  agent_status: AgentStatusTable;
  live_event: LiveEventTable;
  live_connection: LiveConnectionTable;
}

/**
 * Kamailio's registrations, as the service reads them: in the workspace
 * database on PostgreSQL, in their own file on SQLite (location-file.ts) —
 * hence a schema of their own, never joined with the workspace's tables.
 */
export interface RegistrationSchema {
  location: KamailioLocationTable;
}

export interface WorkspaceTable {
  id: string;
  name: string;
  sip_domain: string;
  time_zone: string;
  created_at: number;
}

export interface AgentTable {
  id: string;
  email: string;
  full_name: string;
  extension: string;
  sip_user: string;
  personal_phone: string | null;
  role: 'basic' | 'admin' | 'owner';
  status: 'pending' | 'active' | 'disabled';
  /** argon2id (PHC string); null until the invitation is accepted. */
  password_hash: string | null;
  picture: string | null;
  /** JSON of `agentSettingsSchema`. */
  settings: string;
  version: number;
  created_at: number;
  updated_at: number;
  /** Who saved the current version (for "changed by X just now"). */
  updated_by: string | null;
}

export interface GroupTable {
  id: string;
  name: string;
  number: string | null;
  version: number;
  created_at: number;
  updated_at: number;
  updated_by: string | null;
}

export interface GroupMemberTable {
  group_id: string;
  agent_id: string;
}

export interface InvitationTable {
  id: string;
  agent_id: string;
  /** SHA-256 of the token; the token itself is only in the email. */
  token_hash: string;
  email: string;
  expires_at: number;
  used_at: number | null;
  created_at: number;
  /** Why it was made (0002): `resent` rows are what the resend limit counts. */
  reason: InvitationReason;
  /** Who asked (an admin, or the agent's own change); null for the system. */
  requested_by: string | null;
  /** Set when a newer invitation for the same agent replaced this one. */
  revoked_at: number | null;
  /** When the mail server took the email; null while sending or after a failure. */
  sent_at: number | null;
  send_failed_at: number | null;
  /** The mail server's complaint, shortened (never credentials). */
  send_error: string | null;
}

export type InvitationReason = 'created' | 'email-changed' | 're-enabled' | 'resent';

export interface RefreshTokenTable {
  id: string;
  agent_id: string;
  token_hash: string;
  /** All tokens rotated from one sign-in; reuse of a spent one revokes the family. */
  family_id: string;
  expires_at: number;
  used_at: number | null;
  revoked_at: number | null;
  created_at: number;
}

/** Failed attempts per key ("account:<email>", "address:<ip>") in a sliding window. */
export interface ThrottleTable {
  key: string;
  failures: number;
  window_start: number;
  locked_until: number | null;
}

export interface AuditTable {
  id: Generated<number>;
  at: number;
  actor_id: string | null;
  actor_address: string;
  target_kind: 'agent' | 'group' | 'workspace';
  target_id: string;
  field: string;
  old_value: string | null;
  new_value: string | null;
}

/** Secrets every replica must share (the access-token signing key). */
export interface ServerSecretTable {
  name: string;
  value: string;
}

export interface KamailioVersionTable {
  table_name: string;
  table_version: number;
}

export interface KamailioSubscriberTable {
  id: Generated<number>;
  username: string;
  domain: string;
  /** Always empty: Kamailio checks ha1/ha1b, never a plain password. */
  password: string;
  ha1: string;
  ha1b: string;
}

export interface KamailioAliasTable {
  id: Generated<number>;
  alias_username: string;
  alias_domain: string;
  username: string;
  domain: string;
}

/** What each app last reported, and the registration state last announced (0/1 on both engines). */
export interface AgentStatusTable {
  agent_id: string;
  presence: 'available' | 'away' | 'dnd' | 'offline';
  on_call: number;
  registered: number;
  updated_at: number;
}

/** The push channel's log: one row per event, `seq` rising (JSON of `liveEventSchema`). */
export interface LiveEventTable {
  seq: Generated<number>;
  at: number;
  payload: string;
}

/** One app's push connection on some replica (0004): heartbeat `seen_at`, `closed_at` once it closed. */
export interface LiveConnectionTable {
  id: string;
  agent_id: string;
  /** The replica holding it (a random id per process): its heartbeat and its shutdown touch only its own rows. */
  replica: string;
  seen_at: number;
  closed_at: number | null;
}

/**
 * Kamailio's usrloc table (write-through): one row per registered device.
 * Kamailio writes it; the service only reads `username` (the agent's SIP user).
 */
export interface KamailioLocationTable {
  id: Generated<number>;
  ruid: string;
  username: string;
  domain: string | null;
  contact: string;
  expires: Generated<string>;
}
