import {
  ArrowDownLeft,
  ArrowRightLeft,
  ArrowUpRight,
  CircleAlert,
  CircleMinus,
  CircleSlash,
  MonitorSmartphone,
  PhoneCall,
  PhoneForwarded,
  PhoneMissed,
  PhoneOff,
  SearchX,
  TimerOff,
  UserX,
  Voicemail,
  type LucideIcon,
} from 'lucide-react';
import type { HistoryEntry, HistoryStatus } from '../../../common/schemas/history';
import { historyStatusTone } from '../../domain/history-format';

/** One icon per outcome, so "declined" and "number not found" no longer look alike. */
const OUTCOME_ICONS: Record<HistoryStatus, LucideIcon> = {
  answered: PhoneCall,
  missed: PhoneMissed,
  declined: PhoneOff,
  cancelled: CircleSlash,
  busy: CircleMinus,
  'no-answer': TimerOff,
  'not-found': SearchX,
  unavailable: UserX,
  failed: CircleAlert,
  transferred: ArrowRightLeft,
  'answered-elsewhere': MonitorSmartphone,
  forwarded: PhoneForwarded,
  voicemail: Voicemail,
};

/**
 * How the call turned out, as an icon coloured by its tone. Decorative:
 * the row says the outcome in words next to it (HISTORY_OUTCOME_TEXT).
 */
export function HistoryStatusIcon({ status }: { status: HistoryStatus }) {
  const Icon = OUTCOME_ICONS[status];
  return <Icon className={`history-icon history-icon-${historyStatusTone(status)}`} aria-hidden="true" focusable="false" data-status={status} />;
}

/** Which way the call went, as an arrow; the word ("Incoming") is shown beside it. */
export function HistoryDirectionIcon({ direction }: { direction: HistoryEntry['direction'] }) {
  const Icon = direction === 'inbound' ? ArrowDownLeft : ArrowUpRight;
  return <Icon className="history-direction-icon" aria-hidden="true" focusable="false" />;
}

