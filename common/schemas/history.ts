import { z } from 'zod';
import { callPeerSchema, callTimeSchema, MAX_CALL_DURATION_SEC, MAX_CALL_ID_LENGTH } from './call';

/**
 * How a call in the history turned out; each has its own icon and words.
 * Only ever add to this list: the history file is append-only, and lines
 * written before a status existed must still read back.
 */
export const historyStatusSchema = z.enum([
  'answered',
  'missed',
  'declined',
  'cancelled',
  'busy',
  'no-answer',
  /** The number or user does not exist (404/484/604). */
  'not-found',
  /** The callee could not be reached now (480/410/503). */
  'unavailable',
  'failed',
  'transferred',
  'answered-elsewhere',
  'forwarded',
  'voicemail',
]);
export type HistoryStatus = z.infer<typeof historyStatusSchema>;

export const historyEntrySchema = z.object({
  /** The call's id: one entry per call. */
  id: z.string().min(1).max(MAX_CALL_ID_LENGTH),
  direction: z.enum(['inbound', 'outbound']),
  status: historyStatusSchema,
  peer: callPeerSchema,
  /**
   * Epoch ms, in the range a call report may carry, so that every entry
   * made from an accepted report reads back after a restart. Their order is
   * checked where entries are made (the report), not here: a line an older
   * Ringdesk wrote is not dropped for it.
   */
  startedAt: callTimeSchema,
  answeredAt: callTimeSchema.nullable(),
  endedAt: callTimeSchema,
  /** Talk time in whole seconds (0 when never answered). */
  durationSec: z.number().int().min(0).max(MAX_CALL_DURATION_SEC),
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
  before: z.object({ startedAt: z.number(), id: z.string().max(MAX_CALL_ID_LENGTH) }).optional(),
});
export type HistoryQuery = z.input<typeof historyQuerySchema>;

export interface HistoryPage {
  entries: HistoryEntry[];
  hasMore: boolean;
}
