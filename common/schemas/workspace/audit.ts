import { z } from 'zod';

/**
 * The audit trail: who changed which field of an agent or group, when and
 * from where. Values are JSON as they were saved, except those the trail
 * must never keep (picture data, secrets): those appear as
 * {@link AUDIT_REDACTED}, so the row still says *that* they changed.
 */

export const AUDIT_TARGETS = ['agent', 'group', 'workspace'] as const;
export type AuditTarget = (typeof AUDIT_TARGETS)[number];

/** The marker stored instead of a value the trail may not keep. */
export const AUDIT_REDACTED = { redacted: true } as const;

/**
 * Field names besides the agent's and group's own (`email`, `role`,
 * `groupIds`, `settings.notifications.missedCall`, `memberIds`, …): a whole
 * record appearing or going, with a snapshot as the new or old value.
 */
export const AUDIT_RECORD_FIELDS = ['created', 'deleted'] as const;

export const auditQuerySchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export type AuditQuery = z.infer<typeof auditQuerySchema>;

export const auditEntrySchema = z.object({
  id: z.number().int(),
  at: z.number(),
  /** Who did it; `fullName` is null when that agent has since been deleted (or it was the system). */
  actor: z.object({ agentId: z.string().nullable(), fullName: z.string().nullable() }),
  /** The client's address as the service saw it. */
  address: z.string(),
  targetKind: z.enum(AUDIT_TARGETS),
  targetId: z.string(),
  field: z.string(),
  oldValue: z.json(),
  newValue: z.json(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

/** Newest first. */
export const auditPageSchema = z.object({ entries: z.array(auditEntrySchema), total: z.number().int() });
export type AuditPage = z.infer<typeof auditPageSchema>;
