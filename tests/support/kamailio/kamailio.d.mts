// Types for kamailio.mjs (plain ESM so that `node` scripts and Playwright TS tests share it).

export declare const KAMAILIO_BIN: '/usr/sbin/kamailio';
export declare const KAMCMD_BIN: '/usr/sbin/kamcmd';
export declare const SQLITE_BIN: '/usr/bin/sqlite3';
/** The apt-get line that installs everything the test bed needs. */
export declare const INSTALL_HINT: string;
/** server/kamailio/kamailio.cfg: the deployable config every instance runs. */
export declare const SHIPPED_CONFIG_PATH: URL;

export interface SipUser {
  user: string;
  password: string;
}

/**
 * A workspace database the service provisions (subscriber, dbaliases), read
 * by Kamailio as in production: the SQLite file (absolute path, migrated) or a
 * PostgreSQL URL. On SQLite Kamailio writes its registrations to
 * `locationFile` (default: `location.sqlite` beside `sqliteFile`, where the
 * service creates it — server/db/location-file.ts).
 */
export type WorkspaceDatabase = { sqliteFile: string; locationFile?: string } | { postgresUrl: string };

export interface KamailioOptions {
  /**
   * Subscribers of the test bed's own database (stored as HA1, the handle keeps
   * the passwords). Default: 1001/pass1001, 1002/pass1002, 1003/pass1003.
   * Not with `database`.
   */
  users?: SipUser[];
  /** Read this workspace database instead of a database of the test bed's own (then no users, no addUser). */
  database?: WorkspaceDatabase;
  /** SIP domain / digest realm clients use. Default '127.0.0.1'. */
  domain?: string;
  /** Fixed WebSocket (TCP) port; default: a free port from the OS. */
  wsPort?: number;
  /** Fixed SIP UDP port; default: a free port from the OS. */
  udpPort?: number;
  /** Fixed JSON-RPC (HTTP, loopback) port; default: a free port from the OS. */
  rpcPort?: number;
  /**
   * Challenge INVITEs with 407 as the shipped config does in production.
   * Default false: the test bed lets UDP peers call without credentials
   * (-A WITH_UNAUTHENTICATED_INVITES).
   */
  inviteAuth?: boolean;
  /** How long to wait for the server to answer after spawn. Default 10000. */
  readyTimeoutMs?: number;
}

/** How the registrar misbehaves (see setRegisterFault). */
export interface RegisterFault {
  status: number;
  reason: string;
  /** Min-Expires header (with a 423): seconds, or 'echo' for the expiry the client asked for (a Min-Expires that never helps). */
  minExpires?: number | 'echo';
  /** Retry-After header, seconds. */
  retryAfter?: number;
}

/** One contact in the location table, from `kamcmd ul.dump`. */
export interface Binding {
  /** Address of record as stored (the user part only: usrloc runs without use_domain). */
  aor: string;
  user: string;
  /** Contact URI as the client sent it (WS clients: sip:xyz@abc.invalid;transport=ws). */
  contact: string;
  /** Seconds left; null for a permanent binding; 0 once expired. */
  expires: number | null;
  /** Not expired (what isRegistered() checks). */
  active: boolean;
  /** Where the REGISTER really came from, e.g. 'sip:127.0.0.1:40312;transport=ws'. */
  received: string | null;
  /** 'ws' | 'udp' | 'tcp' ..., from received (or the contact). */
  transport: string;
  callId: string;
  cseq: number;
  userAgent: string | null;
  /** +sip.instance, when the client sent one (sip.js does). */
  instance: string | null;
  regId: number;
  /** Local socket, e.g. 'tcp:127.0.0.1:8080'. */
  socket: string | null;
  /** Unix time of the last update. */
  lastModified: number;
  /** Every field of the contact as kamcmd printed it. */
  raw: Record<string, string>;
}

interface LogEntryBase {
  /** The whole "RDLOG ..." text. */
  raw: string;
  /** Kamailio's clock when it logged the line, in seconds (with microseconds). */
  ts: number;
  callId: string | null;
}

/** A REGISTER that passed digest auth (logged before save()). */
export interface RegisterLogEntry extends LogEntryBase {
  event: 'REGISTER';
  user: string;
  /** Expires header; null when absent. */
  expires: number | null;
  /** ;expires= on the (first) Contact; null when absent. */
  contactExpires: number | null;
  /** contactExpires ?? expires ?? null (Contact parameter wins, RFC 3261 10.2.1). */
  effectiveExpires: number | null;
  /** URI of the first Contact, '*' for "Contact: *", null for a binding fetch (no Contact). */
  contact: string | null;
  /** True for an un-REGISTER: effective expiry 0, or "Contact: *". */
  unregister: boolean;
  cseq: number;
  /** "ip:port" the request came from. */
  src: string;
  /** 'udp' | 'ws' | 'tcp' ... */
  proto: string;
}

/** A request that failed digest auth and was challenged (result < 0). */
export interface AuthLogEntry extends LogEntryBase {
  event: 'AUTH';
  method: string;
  user: string;
  /** auth_check() code: -2 wrong password, -3 unknown user, -5 no credentials (first try), -4/-6 nonce. */
  result: number;
  src: string;
  proto: string;
}

/** An INVITE, CANCEL or BYE arriving at the proxy. */
export interface RequestLogEntry extends LogEntryBase {
  event: 'INVITE' | 'CANCEL' | 'BYE';
  /** From user. */
  from: string;
  /** Request-URI user (the callee for an initial INVITE). */
  to: string;
  /** True for a request inside a dialog (re-INVITE, BYE). */
  indialog: boolean;
  src: string;
  proto: string;
}

/**
 * A reply: relayed from a callee (to an INVITE; local=false), or generated by the proxy
 * itself (404 for an unknown callee, 401/407 challenges, 200 to REGISTER, 408/487; local=true).
 */
export interface ReplyLogEntry extends LogEntryBase {
  event: 'REPLY';
  code: number;
  /** Method of the request answered (CSeq). */
  method: string;
  from: string | null;
  to: string | null;
  local: boolean;
  /** Only for relayed replies. */
  src?: string;
  proto?: string;
  reason: string | null;
}

/** An INFO (e.g. DTMF, text = escaped body) or a REFER (text = Refer-To), in or out of dialog. */
export interface InDialogLogEntry extends LogEntryBase {
  event: 'INFO' | 'REFER';
  from: string;
  to: string;
  src: string;
  proto: string;
  text: string;
}

/** One branch a new INVITE was forked into: one per registered device of the callee(s). */
export interface BranchLogEntry extends LogEntryBase {
  event: 'BRANCH';
  from: string;
  /** To user: the number dialled (an extension, a group number, a SIP user). */
  to: string;
  /** tm's branch index, 0.. */
  branch: number;
  /** Where this branch goes: the device's registered Contact. */
  uri: string;
}

export type LogEntry = RegisterLogEntry | AuthLogEntry | RequestLogEntry | ReplyLogEntry | InDialogLogEntry | BranchLogEntry;

export interface KamailioHandle {
  /** e.g. 'ws://127.0.0.1:8080' */
  readonly wsUrl: string;
  readonly wsPort: number;
  readonly udpPort: number;
  /** JSON-RPC over HTTP, e.g. 'http://127.0.0.1:8089/RPC' (what RINGDESK_KAMAILIO_RPC is set to). */
  readonly rpcUrl: string;
  readonly rpcPort: number;
  readonly domain: string;
  /** The instance's temp dir (config, sqlite db, kamailio.log). */
  readonly dir: string;
  /** Kamailio's stdout+stderr (appended across restarts). */
  readonly logPath: string;
  /** Control socket, for `kamcmd -s unix:<ctlSocket> ul.dump`. */
  readonly ctlSocket: string;
  /** Subscribers known to this handle (initial users + addUser()). */
  readonly users: SipUser[];
  /** Main Kamailio pid while running. */
  readonly pid: number | null;
  readonly running: boolean;
  /** Resolves when the current Kamailio process exits (its exit code; null if killed by a signal). */
  readonly exited: Promise<number | null>;

  /** SIGTERM, wait for exit (SIGKILL the whole process group after ~5 s). Keeps dir, ports, db. */
  stop(): Promise<void>;
  /** Start again after stop(), on the same ports with the same db. No-op while running. */
  start(): Promise<void>;
  /** stop() then start(): bindings are reloaded from the location table (usrloc write-through); WebSocket ones point at closed connections until their clients re-register. */
  restart(): Promise<void>;

  /** Adds a subscriber to the test bed's own database; Kamailio sees it at once. Throws with a workspace database. */
  addUser(user: string, password: string): Promise<void>;
  removeUser(user: string): Promise<void>;

  /** Current bindings (all, or one user's), from `kamcmd ul.dump`. [] when stopped. */
  bindings(user?: string): Promise<Binding[]>;
  isRegistered(user: string): Promise<boolean>;
  /**
   * From now on answer every authenticated REGISTER with this status instead of
   * saving it (null: behave again). Bindings already made stay. Lost on restart.
   */
  setRegisterFault(fault: RegisterFault | null): Promise<void>;

  /** Every RDLOG line so far (all runs of this instance), parsed. */
  logLines(): Promise<LogEntry[]>;
  /** Authenticated REGISTERs (of one user, or all). */
  registers(user?: string): Promise<RegisterLogEntry[]>;
  /** Polls the log until an entry matches; rejects after timeoutMs (default 5000) listing the last lines. */
  waitForLog<T extends LogEntry>(predicate: (entry: LogEntry) => entry is T, timeoutMs?: number): Promise<T>;
  waitForLog(predicate: (entry: LogEntry) => boolean, timeoutMs?: number): Promise<LogEntry>;
  /** The raw log text (for debugging a failing test). */
  logText(): Promise<string>;
}

/** Starts a Kamailio registrar + proxy in its own temp dir and waits until it answers. */
export declare function startKamailio(options?: KamailioOptions): Promise<KamailioHandle>;

/** Throws an Error with the apt-get line when Kamailio, its modules (db_postgres too with `postgres`) or sqlite3 are missing. */
export declare function assertKamailioInstalled(options?: { postgres?: boolean }): void;

/** Asks the OS for a free 127.0.0.1 port (bind port 0, close). */
export declare function freePort(kind: 'tcp' | 'udp'): Promise<number>;
/** Whether 127.0.0.1:port can be bound right now. */
export declare function isPortFree(kind: 'tcp' | 'udp', port: number): Promise<boolean>;

export interface KamcmdNode {
  key: string;
  value: string | KamcmdNode[];
}
/** Parses kamcmd's "Key: value" / "Key: { ... }" output. */
export declare function parseKamcmdTree(text: string): KamcmdNode[];
export declare function parseUlDump(text: string): Binding[];
/** Parses one log line; null unless it holds "RDLOG ". */
export declare function parseLogLine(line: string): LogEntry | null;
export declare function parseLog(text: string): LogEntry[];
