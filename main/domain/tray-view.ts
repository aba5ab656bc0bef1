import type { Presence } from '../../common/schemas/presence';
import type { Reachability } from '../../common/schemas/registration';
import { messages } from '../messages/messages';

/** What the tray shows: pure data, drawn by the tray adapter. */
export interface TrayView {
  icon: Reachability['icon'];
  tooltip: string;
  menu: TrayMenuItem[];
}

export type TrayMenuItem =
  | { kind: 'presence'; presence: Presence; label: string; checked: boolean; enabled: boolean }
  | { kind: 'action'; action: 'show-window' | 'retry' | 'quit'; label: string }
  | { kind: 'separator' }
  | { kind: 'info'; label: string };

const PRESENCES: Presence[] = ['available', 'away', 'dnd', 'offline'];

/** Tooltip: who, and whether calls ring — readable without opening the window. */
export function deriveTrayView(input: { accountName: string | null; presence: Presence; reachability: Reachability }): TrayView {
  const { accountName, presence, reachability } = input;
  const state = messages.reachability[reachability.reason];
  const tooltip = messages.tray.tooltip(accountName, state, reachability.canReceiveCalls);
  const menu: TrayMenuItem[] = [
    { kind: 'info', label: state },
    { kind: 'separator' },
    ...PRESENCES.map(
      (p): TrayMenuItem => ({ kind: 'presence', presence: p, label: messages.presence[p], checked: p === presence, enabled: accountName !== null }),
    ),
    { kind: 'separator' },
  ];
  if (reachability.action === 'retry') menu.push({ kind: 'action', action: 'retry', label: messages.tray.reconnect });
  menu.push({ kind: 'action', action: 'show-window', label: messages.tray.show }, { kind: 'action', action: 'quit', label: messages.tray.quit });
  return { icon: reachability.icon, tooltip, menu };
}
