import { History, Phone, Settings, Users, type LucideIcon } from 'lucide-react';
import type { View } from '../../store/types';

export interface ViewEntry {
  id: View;
  label: string;
  icon: LucideIcon;
}

/** The shell's sections in navigation order for everyone (Voicemail joins them with its feature). */
export const VIEWS: readonly ViewEntry[] = [
  { id: 'phone', label: 'Phone', icon: Phone },
  { id: 'history', label: 'History', icon: History },
  { id: 'settings', label: 'Settings', icon: Settings },
];

/** The same with Team, for Administrators and the Owner of a team workspace. */
export const ADMIN_VIEWS: readonly ViewEntry[] = [VIEWS[0]!, VIEWS[1]!, { id: 'team', label: 'Team', icon: Users }, VIEWS[2]!];
