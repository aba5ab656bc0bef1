import { z } from 'zod';
import type { FieldProblem } from '../field-errors';

/**
 * A teammate as the workspace keeps it, and the shapes admins send to add
 * and edit one. The fields follow the agent reference (profile, role,
 * groups, office hours, call settings, notifications, preferences); the
 * settings issue gives the later fields their effects on calls.
 */

const problem = (code: FieldProblem): string => code;

/** Basic answers and makes calls; Administrator manages the team; the one Owner also has billing. */
export const AGENT_ROLES = ['basic', 'admin', 'owner'] as const;
export type AgentRole = (typeof AGENT_ROLES)[number];
/** Roles an admin may give: Owner is never given, only handed over by the Owner. */
export const ASSIGNABLE_ROLES = ['basic', 'admin'] as const;

/** Pending until the invitation is accepted; disabled keeps the record but refuses sign-in and calls. */
export const AGENT_STATUSES = ['pending', 'active', 'disabled'] as const;
export type AgentStatus = (typeof AGENT_STATUSES)[number];

export const MAX_FULL_NAME = 80;
export const MAX_EMAIL = 254;
/** A data URL of a small square picture; the app scales it down before upload. */
export const MAX_PICTURE_CHARS = 200_000;
export const MAX_GROUPS_PER_AGENT = 50;

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(1, problem('email-missing'))
  .max(MAX_EMAIL, problem('too-long'))
  .regex(/^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[a-z]{2,}$/i, problem('email-invalid'));

/** 2–6 digits, so a caller can type it after the greeting. */
export const extensionSchema = z.string().trim().min(1, problem('extension-missing')).regex(/^[0-9]{2,6}$/, problem('extension-invalid'));

/** E.164: where forwarded calls go. */
export const personalPhoneSchema = z.string().trim().regex(/^\+[1-9][0-9]{6,14}$/, problem('phone-invalid'));

export const fullNameSchema = z.string().trim().min(1, problem('full-name-missing')).max(MAX_FULL_NAME, problem('too-long'));

export const pictureSchema = z
  .string()
  .max(MAX_PICTURE_CHARS, problem('picture-too-large'))
  .regex(/^data:image\/(png|jpeg|webp);base64,[A-Za-z0-9+/]+={0,2}$/, problem('picture-invalid'));

export const idSchema = z.string().regex(/^[0-9a-f-]{36}$/, problem('invalid'));
/** A path holding one id (`/api/v1/agents/:id`). */
export const idParamsSchema = z.strictObject({ id: idSchema });

const TIME = /^([01][0-9]|2[0-3]):[0-5][0-9]$/;
const timeRangeSchema = z
  .strictObject({ from: z.string().regex(TIME, problem('office-hours-invalid')), to: z.string().regex(TIME, problem('office-hours-invalid')) })
  .refine((r) => r.from < r.to, problem('office-hours-invalid'));
export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** Whether `zone` is an IANA time zone this runtime knows (Intl is part of the language, not the DOM). */
export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return zone.length > 0 && zone.length <= 64;
  } catch {
    return false;
  }
}

export const officeHoursSchema = z.strictObject({
  timeZone: z.string().refine(isTimeZone, problem('time-zone-invalid')),
  days: z.strictObject(Object.fromEntries(WEEKDAYS.map((d) => [d, z.array(timeRangeSchema).max(4)])) as Record<Weekday, z.ZodArray<typeof timeRangeSchema>>),
});
export type OfficeHours = z.infer<typeof officeHoursSchema>;

export const FORWARDING_WHEN = ['never', 'unavailable', 'outside-hours', 'always'] as const;

export const callSettingsSchema = z.strictObject({
  /** Agent-only (internal) calls: no numbers outside the team. */
  internalOnly: z.boolean(),
  /** Admins may record this agent's outbound calls. */
  recordOutbound: z.boolean(),
  /** May the agent pause and resume recordings. */
  mayPauseRecording: z.boolean(),
  forwardToPersonalPhone: z.enum(FORWARDING_WHEN),
});

export const notificationSettingsSchema = z.strictObject({
  incomingCall: z.boolean(),
  missedCall: z.boolean(),
  voicemail: z.boolean(),
});

/**
 * The Extended Agents Dashboard needs at least this many working (not
 * disabled) agents; the workspace enforces it (server/services/team-checks.ts),
 * the app shows the panel by it.
 */
export const DASHBOARD_MIN_TEAM = 4;

export const preferencesSchema = z.strictObject({
  /** The Extended Agents Dashboard: admins only, teams of more than 3 (the server enforces both). */
  extendedDashboard: z.boolean(),
});

export const agentSettingsSchema = z.strictObject({
  officeHours: officeHoursSchema,
  callSettings: callSettingsSchema,
  notifications: notificationSettingsSchema,
  preferences: preferencesSchema,
});
export type AgentSettings = z.infer<typeof agentSettingsSchema>;

const workday = [{ from: '09:00', to: '17:00' }];
/** What a new agent starts with: weekdays 9 to 5 in the team's zone, nothing forwarded, every notification on. */
export function defaultAgentSettings(timeZone: string): AgentSettings {
  return {
    officeHours: { timeZone, days: { mon: workday, tue: workday, wed: workday, thu: workday, fri: workday, sat: [], sun: [] } },
    callSettings: { internalOnly: false, recordOutbound: false, mayPauseRecording: false, forwardToPersonalPhone: 'never' },
    notifications: { incomingCall: true, missedCall: true, voicemail: true },
    preferences: { extendedDashboard: false },
  };
}

/**
 * Settings in an edit: only the sections that change, each one whole
 * (a section is one form on screen, saved together).
 */
export const agentSettingsPatchSchema = z.strictObject({
  officeHours: officeHoursSchema.optional(),
  callSettings: callSettingsSchema.optional(),
  notifications: notificationSettingsSchema.optional(),
  preferences: preferencesSchema.optional(),
});
export type AgentSettingsPatch = z.infer<typeof agentSettingsPatchSchema>;

const groupIdsSchema = z.array(idSchema).min(1, problem('groups-missing')).max(MAX_GROUPS_PER_AGENT, problem('too-long'));

/**
 * What an admin fills in to add a teammate (the invitation goes to `email`).
 * Strict, like every body the workspace takes: a misspelt field is refused,
 * never silently dropped while the editor thinks it was saved.
 */
export const agentCreateSchema = z.strictObject({
  email: emailSchema,
  fullName: fullNameSchema,
  extension: extensionSchema,
  personalPhone: personalPhoneSchema.nullable().optional(),
  role: z.enum(ASSIGNABLE_ROLES, problem('role-invalid')),
  groupIds: groupIdsSchema,
  picture: pictureSchema.nullable().optional(),
  settings: agentSettingsSchema.optional(),
});
export type AgentCreate = z.infer<typeof agentCreateSchema>;

/**
 * An edit: only the fields that change, plus the version the editor saw, so
 * a second writer is told instead of silently overwriting the first.
 */
export const agentPatchSchema = z.strictObject({
  version: z.number().int().positive(),
  email: emailSchema.optional(),
  fullName: fullNameSchema.optional(),
  extension: extensionSchema.optional(),
  personalPhone: personalPhoneSchema.nullable().optional(),
  role: z.enum(AGENT_ROLES, problem('role-invalid')).optional(),
  groupIds: groupIdsSchema.optional(),
  picture: pictureSchema.nullable().optional(),
  settings: agentSettingsPatchSchema.optional(),
  /** `active` re-enables a disabled agent: it is invited again (pending) when it has no credentials left. */
  status: z.enum(['active', 'disabled'], problem('invalid')).optional(),
});
export type AgentPatch = z.infer<typeof agentPatchSchema>;

export const agentSchema = z.object({
  id: idSchema,
  email: z.string(),
  fullName: z.string(),
  extension: z.string(),
  /** The SIP user Kamailio knows the agent by; stable when the extension changes. */
  sipUser: z.string(),
  personalPhone: z.string().nullable(),
  role: z.enum(AGENT_ROLES),
  status: z.enum(AGENT_STATUSES),
  groupIds: z.array(idSchema),
  picture: z.string().nullable(),
  settings: agentSettingsSchema,
  version: z.number().int(),
  updatedAt: z.number(),
});
export type Agent = z.infer<typeof agentSchema>;

/** The team list's filters; `search` matches name, email or extension (ASCII letters in any case). */
export const agentListQuerySchema = z.strictObject({
  search: z.string().trim().max(100).optional(),
  role: z.enum(AGENT_ROLES).optional(),
  groupId: idSchema.optional(),
  status: z.enum(AGENT_STATUSES).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export type AgentListQuery = z.infer<typeof agentListQuerySchema>;

/**
 * What an agent may change about themselves (`PATCH /api/v1/me/profile`):
 * the public profile and their own office hours, notifications and
 * preferences. Role, email, extension, groups, status and call settings are
 * the admins' (`PATCH /api/v1/agents/:id`).
 */
export const profilePatchSchema = z.strictObject({
  version: z.number().int().positive(),
  fullName: fullNameSchema.optional(),
  picture: pictureSchema.nullable().optional(),
  personalPhone: personalPhoneSchema.nullable().optional(),
  settings: z
    .strictObject({
      officeHours: officeHoursSchema.optional(),
      notifications: notificationSettingsSchema.optional(),
      preferences: preferencesSchema.optional(),
    })
    .optional(),
});
export type ProfilePatch = z.infer<typeof profilePatchSchema>;

/**
 * One row of the team list: no picture data (fetch it from
 * `/api/v1/agents/:id/picture` when `hasPicture`) and no settings, so a list
 * of hundreds stays small.
 */
export const agentSummarySchema = agentSchema.omit({ picture: true, settings: true }).extend({ hasPicture: z.boolean() });
export type AgentSummary = z.infer<typeof agentSummarySchema>;

export const agentListSchema = z.object({ agents: z.array(agentSummarySchema), total: z.number().int() });
export type AgentList = z.infer<typeof agentListSchema>;
