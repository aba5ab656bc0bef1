import { z } from 'zod';
import { accountFieldsSchema } from './account';
import { registrationFailureSchema } from './engine';
import { presenceSchema } from './presence';

/** Epoch ms, as main's clock gives it. */
const epochMs = z.number().min(0);

/**
 * The registration as main sees it, derived by the lifecycle machine
 * (main/domain/registration-lifecycle.ts) from what it wants and what the
 * engine reports.
 */
export const registrationViewSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('no-account') }),
  z.object({ status: z.literal('offline') }),
  z.object({ status: z.literal('waiting-for-network') }),
  z.object({ status: z.literal('suspended') }),
  z.object({ status: z.literal('starting') }),
  z.object({ status: z.literal('registering') }),
  z.object({ status: z.literal('registered'), since: epochMs }),
  registrationFailureSchema.extend({
    status: z.literal('reconnecting'),
    attempt: z.number().int().positive(),
    /** epoch ms of the next automatic attempt */
    nextAttemptAt: epochMs,
  }),
  /** Stopped retrying on purpose (wrong credentials): needs the agent. */
  registrationFailureSchema.extend({ status: z.literal('failed') }),
  z.object({ status: z.literal('unregistering') }),
]);
export type RegistrationView = z.infer<typeof registrationViewSchema>;

export const reachabilityToneSchema = z.enum(['ok', 'warning', 'error', 'neutral']);
export type ReachabilityTone = z.infer<typeof reachabilityToneSchema>;

/**
 * Why calls do or do not ring, as a code: main and the window each turn it
 * into words where they show it (main/messages, renderer/features/reachability).
 */
export const reachabilityReasonSchema = z.enum([
  'not-set-up',
  'offline',
  'starting',
  'asleep',
  'no-network',
  'connecting',
  'signing-out',
  'reconnecting',
  'sign-in-failed',
  'dnd',
  'available',
  'away',
]);
export type ReachabilityReason = z.infer<typeof reachabilityReasonSchema>;

/** A failed registration, as it is explained to the agent. */
export type RegistrationFailure = z.infer<typeof registrationFailureSchema>;

/** One answer to "will my phone ring?", shared by banner and tray. */
export const reachabilitySchema = z.object({
  canReceiveCalls: z.boolean(),
  tone: reachabilityToneSchema,
  /** Tray icon to show. */
  icon: z.union([presenceSchema, z.literal('unreachable')]),
  reason: reachabilityReasonSchema,
  /** With 'reconnecting' and 'sign-in-failed': what went wrong. */
  failure: registrationFailureSchema.optional(),
  /** The phone server's WebSocket address, when one is set up. */
  server: accountFieldsSchema.shape.wsServer.optional(),
  /** What the agent can do about it, if anything. */
  action: z.enum(['retry', 'go-available', 'edit-account']).optional(),
});
export type Reachability = z.infer<typeof reachabilitySchema>;
