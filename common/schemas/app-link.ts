import { z } from 'zod';
import { FIELD_PROBLEMS } from './field-errors';
import { MAX_EMAIL } from './workspace/agent';
import { MAX_WORKSPACE_URL } from './workspace/app-session';

/**
 * Links the OS hands the app (`ringdesk://sign-in?workspace=…&email=…` from
 * the invitation page; `tel:` / `sip:` click-to-call later) and what main
 * made of them, as the window is told. Codes only: the window words them.
 */

/** Longest link main reads at all: a workspace address and an email, percent-encoded, with room to spare. */
export const MAX_APP_LINK = 4096;

/** Why a link was refused. Nothing is signed in to or dialled for a refused link. */
export const APP_LINK_REFUSALS = [
  /** Not a string, empty, control characters or spaces in it, or broken percent-encoding. */
  'not-a-link',
  'too-long',
  /** A scheme Ringdesk does not answer (javascript:, http:, file:, …). */
  'unknown-scheme',
  /** `ringdesk:` but not something Ringdesk does (`ringdesk://call`, `ringdesk://sign-in/extra`, a `#fragment`). */
  'unknown-action',
  /** A user name or password inside the link. */
  'credentials',
  /** A parameter the action does not take, or one given twice. */
  'unexpected-parameter',
  'workspace-missing',
  /** The workspace address fails the same check as the sign-in form's (param `problem`). */
  'workspace-invalid',
  'email-invalid',
] as const;
export type AppLinkRefusal = (typeof APP_LINK_REFUSALS)[number];

/**
 * What main did with a link, for the window (event `linkOpened`):
 * - `sign-in`: no account on this computer: open "Sign in to your team" with these values filled in;
 * - `signed-in-elsewhere`: signed in to another workspace (`current`); nothing changed;
 * - `sip-account-in-use`: this computer uses a SIP account; nothing changed;
 * - `refused`: the link was refused (`refusal`, and for `workspace-invalid` the address's `problem`).
 * Signed in to the link's own workspace already, main only brings the window forward.
 */
export const linkOpenedSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('sign-in'), workspace: z.string().max(MAX_WORKSPACE_URL), email: z.string().max(MAX_EMAIL).optional() }),
  z.strictObject({ kind: z.literal('signed-in-elsewhere'), workspace: z.string().max(MAX_WORKSPACE_URL), current: z.string().max(MAX_WORKSPACE_URL) }),
  z.strictObject({ kind: z.literal('sip-account-in-use'), workspace: z.string().max(MAX_WORKSPACE_URL) }),
  z.strictObject({ kind: z.literal('refused'), refusal: z.enum(APP_LINK_REFUSALS), problem: z.enum(FIELD_PROBLEMS).optional() }),
]);
export type LinkOpened = z.infer<typeof linkOpenedSchema>;
