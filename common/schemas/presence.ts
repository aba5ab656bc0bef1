import { z } from 'zod';

/**
 * What the agent chose. Available and Away both ring; Do Not Disturb stays
 * registered but answers every incoming call with 486 Busy Here; Offline
 * removes the registration from the server.
 */
export const presenceSchema = z.enum(['available', 'away', 'dnd', 'offline']);
export type Presence = z.infer<typeof presenceSchema>;
