import { z } from 'zod';
import type { FieldProblem } from '../field-errors';
import { idSchema } from './agent';

const problem = (code: FieldProblem): string => code;

export const MAX_GROUP_NAME = 60;

export const groupNameSchema = z.string().trim().min(1, problem('group-name-missing')).max(MAX_GROUP_NAME, problem('too-long'));
/** A number callers dial to ring every registered member at once. */
export const groupNumberSchema = z.string().trim().regex(/^[0-9]{2,6}$/, problem('group-number-invalid'));

/** Strict like every body the workspace takes: unknown fields are refused, not dropped. */
export const groupCreateSchema = z.strictObject({
  name: groupNameSchema,
  number: groupNumberSchema.nullable().optional(),
  memberIds: z.array(idSchema).max(5000).optional(),
});
export type GroupCreate = z.infer<typeof groupCreateSchema>;

export const groupPatchSchema = z.strictObject({
  version: z.number().int().positive(),
  name: groupNameSchema.optional(),
  number: groupNumberSchema.nullable().optional(),
  memberIds: z.array(idSchema).max(5000).optional(),
});
export type GroupPatch = z.infer<typeof groupPatchSchema>;

export const groupSchema = z.object({
  id: idSchema,
  name: z.string(),
  number: z.string().nullable(),
  memberIds: z.array(idSchema),
  version: z.number().int(),
  updatedAt: z.number(),
});
export type Group = z.infer<typeof groupSchema>;

export const groupListSchema = z.object({ groups: z.array(groupSchema) });
export type GroupList = z.infer<typeof groupListSchema>;
