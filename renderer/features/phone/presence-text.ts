import type { Presence } from '../../../common/schemas/presence';

/** The window's words for each presence (the tray's are in main/messages). */
export const PRESENCE_LABELS: Record<Presence, string> = {
  available: 'Available',
  away: 'Away',
  dnd: 'Do Not Disturb',
  offline: 'Offline',
};

/** One line under each choice, so an agent knows what it does before choosing it. */
export const PRESENCE_HINTS: Record<Presence, string> = {
  available: 'Calls ring here',
  away: 'Calls still ring; teammates see you are away',
  dnd: 'Callers hear busy',
  offline: 'Signed out of the phone line',
};
