import { z } from 'zod';
import { checkWebSocketUrl, HOST, parseSipIdentity } from '../sip-address';
import type { FieldProblem } from './field-errors';

/**
 * The SIP account as the agent types it on the first-run screen.
 * Shared by main (which validates every IPC payload with it) and the
 * renderer (which shows the same problems next to each field). Messages
 * are {@link FieldProblem} codes: the form turns them into words.
 */

/** A field problem code as a zod message. */
const problem = (code: FieldProblem): string => code;

const ICE_URL = /^(stun|stuns|turn|turns):[^\s]+$/i;

/** Most ICE (STUN/TURN) servers an account may list. */
export const MAX_ICE_SERVERS = 8;
/** Longest display name callers see. */
export const MAX_DISPLAY_NAME = 64;

export const iceServerSchema = z.object({
  urls: z.string().trim().regex(ICE_URL, problem('ice-url-invalid')),
  username: z.string().trim().max(256).optional(),
  /** Write-only: main stores it encrypted and never sends it back; left out, the saved one for the same address is kept. */
  credential: z.string().max(256).optional(),
});
export type IceServerInput = z.infer<typeof iceServerSchema>;

export const accountFieldsSchema = z
  .object({
    displayName: z.string().trim().min(1, problem('display-name-missing')).max(MAX_DISPLAY_NAME, problem('display-name-too-long')),
    sipUser: z
      .string()
      .trim()
      .min(1, problem('sip-user-missing'))
      .max(256)
      .refine((v) => parseSipIdentity(v) !== null, problem('sip-user-invalid')),
    authUser: z.string().trim().max(128).optional().default(''),
    domain: z
      .string()
      .trim()
      .max(253)
      .optional()
      .default('')
      .refine((v) => v === '' || HOST.test(v), problem('domain-invalid')),
    realm: z.string().trim().max(253).optional().default(''),
    wsServer: z
      .string()
      .trim()
      .min(1, problem('ws-server-missing'))
      .max(2048)
      .superRefine((v, ctx) => {
        const refused = checkWebSocketUrl(v);
        if (refused) ctx.addIssue({ code: 'custom', message: problem(refused) });
      }),
    iceServers: z.array(iceServerSchema).max(MAX_ICE_SERVERS, problem('ice-too-many')).optional().default([]),
  })
  .superRefine((a, ctx) => {
    const id = parseSipIdentity(a.sipUser);
    if (id && !id.host && !a.domain) {
      ctx.addIssue({ code: 'custom', path: ['domain'], message: problem('domain-missing') });
    }
  });

/** What the setup form sends. `password` may be omitted to keep the stored one. */
export const accountInputSchema = z.object({
  fields: accountFieldsSchema,
  password: z.string().max(256).optional(),
});
export type AccountInput = z.input<typeof accountInputSchema>;
export type AccountFields = z.output<typeof accountFieldsSchema>;

/** Longest registration lifetime either side deals with (asked for, granted, or insisted on by a 423), seconds. */
export const MAX_REGISTRATION_SEC = 86_400;

/** sip:user@host: a SIP user (at most 256) at a host (at most 253). */
const MAX_AOR = 'sip:'.length + 256 + '@'.length + 253;

/** The account as the renderer may see it: no secrets, only whether each one is kept. */
export const accountSummarySchema = z.object({
  displayName: accountFieldsSchema.shape.displayName,
  /** Canonical address of record, e.g. sip:1001@pbx.example.com */
  aor: z.string().max(MAX_AOR).refine(isAddressOfRecord),
  // The saved fields went through accountFieldsSchema when they were saved; the same rules hold here.
  fields: accountFieldsSchema.safeExtend({
    iceServers: z.array(iceServerSchema.omit({ credential: true }).extend({ hasCredential: z.boolean() })).max(MAX_ICE_SERVERS),
  }),
  hasPassword: z.boolean(),
});
export type AccountSummary = z.infer<typeof accountSummarySchema>;

/**
 * What the renderer's SIP engine needs to register. Carries the digest HA1
 * (MD5 of user:realm:password) rather than the password itself, so the
 * plain password never has to leave main after it is typed.
 */
export const engineAccountSchema = z.object({
  aor: accountSummarySchema.shape.aor,
  displayName: accountFieldsSchema.shape.displayName,
  /** The auth user, or the SIP user's user part when none is set. */
  authorizationUsername: z.string().min(1).max(256),
  authorizationHa1: z.string().regex(/^[0-9a-f]{32}$/),
  /** The realm, or the domain or host when none is set. */
  realm: z.string().max(256),
  wsServer: accountFieldsSchema.shape.wsServer,
  iceServers: z.array(iceServerSchema).max(MAX_ICE_SERVERS),
  /** Requested registration lifetime, seconds. */
  registerExpires: z.number().int().positive().max(MAX_REGISTRATION_SEC),
  /**
   * This installation's UUID (RFC 5626 +sip.instance), the same across
   * restarts and reloads, so each new REGISTER replaces the binding the last
   * engine left. Absent for a one-off "Test connection", which must not
   * touch the live binding.
   */
  instanceId: z.uuid().optional(),
});
export type EngineAccount = z.infer<typeof engineAccountSchema>;

function isAddressOfRecord(aor: string): boolean {
  return aor.startsWith('sip:') && (parseSipIdentity(aor)?.host ?? null) !== null;
}
