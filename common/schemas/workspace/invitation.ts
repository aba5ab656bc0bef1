import { z } from 'zod';
import type { FieldProblem } from '../field-errors';
import { emailSchema } from './agent';
import { newPasswordSchema } from './auth';

/**
 * Invitations: the link an invited agent follows holds a single-use token
 * (32 random bytes, base64url); accepting it sets the agent's password and
 * makes the agent active. An admin can resend it while the agent is pending.
 */

const problem = (code: FieldProblem): string => code;

/** Random bytes in a token; its base64url text is 43 characters. */
export const INVITATION_TOKEN_BYTES = 32;
export const invitationTokenSchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/, problem('invalid'));

/** `POST /api/v1/invitations/accept`: the token from the link and the password the agent chose. */
export const invitationAcceptSchema = z.strictObject({ token: invitationTokenSchema, password: newPasswordSchema });
export type InvitationAccept = z.infer<typeof invitationAcceptSchema>;

/** The agent is active: it signs in with this email and the password it just set. */
export const invitationAcceptedSchema = z.object({ agentId: z.string(), email: emailSchema });
export type InvitationAccepted = z.infer<typeof invitationAcceptedSchema>;

/**
 * `POST /api/v1/agents/:id/invitation` (resend): a new link, the older one
 * dead. `mail` says whether the mail server took the email — `failed` keeps
 * the invitation; the admin may try again later.
 */
export const invitationSentSchema = z.object({
  agentId: z.string(),
  expiresAt: z.number(),
  mail: z.enum(['sent', 'failed']),
});
export type InvitationSent = z.infer<typeof invitationSentSchema>;

/**
 * Why the mail server did not take an invitation email, as a code (the
 * app says it in words): it could not be reached, it refused the service's
 * login, it refused the recipient's address, or it refused for another
 * reason.
 */
export const MAIL_FAILURES = ['mail-server-unreachable', 'mail-login-refused', 'recipient-refused', 'mail-refused'] as const;
export type MailFailure = (typeof MAIL_FAILURES)[number];

/**
 * `GET /api/v1/agents/:id/invitation` (admins): the agent's open invitation —
 * when it was made and sent, or that its email did not go out and why —
 * or null when none is open (the agent is active, disabled, or its last
 * link was used or has expired… an expired one is still shown, with
 * `expiresAt` in the past, so the admin knows to resend).
 */
export const invitationStateSchema = z.object({
  invitation: z
    .object({
      email: z.string(),
      createdAt: z.number(),
      expiresAt: z.number(),
      /** When the mail server took the email; null while sending or after a failure. */
      sentAt: z.number().nullable(),
      failedAt: z.number().nullable(),
      failure: z.enum(MAIL_FAILURES).nullable(),
    })
    .nullable(),
});
export type InvitationState = z.infer<typeof invitationStateSchema>;
