import { PRESENCE_LABELS, type Presence } from '../../preload/schemas/presence';
import type { Reachability } from '../../preload/schemas/registration';

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
  const who = accountName ? `Ringdesk — ${accountName}` : 'Ringdesk';
  const tooltip = `${who}\n${reachability.headline}${reachability.canReceiveCalls ? '' : ' — calls will not ring'}`;
  const menu: TrayMenuItem[] = [
    { kind: 'info', label: reachability.headline },
    { kind: 'separator' },
    ...PRESENCES.map(
      (p): TrayMenuItem => ({ kind: 'presence', presence: p, label: PRESENCE_LABELS[p], checked: p === presence, enabled: accountName !== null }),
    ),
    { kind: 'separator' },
  ];
  if (reachability.action === 'retry') menu.push({ kind: 'action', action: 'retry', label: 'Reconnect now' });
  menu.push({ kind: 'action', action: 'show-window', label: 'Show Ringdesk' }, { kind: 'action', action: 'quit', label: 'Quit Ringdesk' });
  return { icon: reachability.icon, tooltip, menu };
}
