import { z } from 'zod';
import { callPeerSchema } from './call';

/** How a call in the history turned out; each has its own icon. */
export const historyStatusSchema = z.enum([
  'answered',
  'missed',
  'declined',
  'cancelled',
  'busy',
  'no-answer',
  'failed',
  'transferred',
  'answered-elsewhere',
  'forwarded',
  'voicemail',
]);
export type HistoryStatus = z.infer<typeof historyStatusSchema>;

export const historyEntrySchema = z.object({
  /** The call's id: one entry per call. */
  id: z.string().min(1).max(128),
  direction: z.enum(['inbound', 'outbound']),
  status: historyStatusSchema,
  peer: callPeerSchema,
  /** Epoch ms. */
  startedAt: z.number(),
  answeredAt: z.number().nullable(),
  endedAt: z.number(),
  /** Talk time in whole seconds (0 when never answered). */
  durationSec: z.number().int().min(0),
});
export type HistoryEntry = z.infer<typeof historyEntrySchema>;

export const historyFilterSchema = z.enum(['all', 'missed', 'inbound', 'outbound']);
export type HistoryFilter = z.infer<typeof historyFilterSchema>;

export const historyQuerySchema = z.object({
  filter: historyFilterSchema.default('all'),
  /** Matches name, number or address, case-insensitive; digits also match formatted numbers. */
  search: z.string().trim().max(100).default(''),
  limit: z.number().int().min(1).max(500).default(100),
  /** Cursor: entries older than this one (newest first). */
  before: z.object({ startedAt: z.number(), id: z.string().max(128) }).optional(),
});
export type HistoryQuery = z.input<typeof historyQuerySchema>;

export interface HistoryPage {
  entries: HistoryEntry[];
  hasMore: boolean;
}
