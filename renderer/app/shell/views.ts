import { History, Phone, Settings, type LucideIcon } from 'lucide-react';
import type { View } from '../../store/types';

/** The shell's sections in navigation order (Voicemail and Team join them with their features). */
export const VIEWS: ReadonlyArray<{ id: View; label: string; icon: LucideIcon }> = [
  { id: 'phone', label: 'Phone', icon: Phone },
  { id: 'history', label: 'History', icon: History },
  { id: 'settings', label: 'Settings', icon: Settings },
];
