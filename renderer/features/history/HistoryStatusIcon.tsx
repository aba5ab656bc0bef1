import type { HistoryEntry, HistoryStatus } from '../../../common/schemas/history';
import { HISTORY_STATUS_TEXT, historyStatusTone } from '../../domain/history-format';

/**
 * One small inline SVG per status (no image files, nothing for the CSP to
 * allow), named for screen readers: "Missed call", "Busy", …
 */
export function HistoryStatusIcon({ status, direction }: { status: HistoryStatus; direction: HistoryEntry['direction'] }) {
  return (
    <svg
      className={`history-icon history-icon-${historyStatusTone(status)}`}
      role="img"
      aria-label={HISTORY_STATUS_TEXT[status]}
      viewBox="0 0 16 16"
      width="16"
      height="16"
    >
      <title>{HISTORY_STATUS_TEXT[status]}</title>
      <path d={glyph(status, direction)} fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}

const ARROW_IN = 'M13 3 L5 11 M5 6 V11 H10';
const ARROW_OUT = 'M5 11 L13 3 M8 3 H13 V8';

function glyph(status: HistoryStatus, direction: HistoryEntry['direction']): string {
  switch (status) {
    case 'answered':
      return direction === 'inbound' ? ARROW_IN : ARROW_OUT;
    case 'missed':
      return 'M2 5 L6 9 L10 5 L14 9';
    case 'declined':
    case 'failed':
      return 'M4 4 L12 12 M12 4 L4 12';
    case 'busy':
      return 'M3 8 H13 M3 5 H13 M3 11 H13';
    case 'no-answer':
      return 'M8 2 A6 6 0 1 0 8.01 2 M8 5 V8 L10 10';
    case 'cancelled':
      return 'M4 8 H12';
    case 'transferred':
    case 'forwarded':
      return 'M2 8 H12 M9 5 L12 8 L9 11 M14 4 V12';
    case 'answered-elsewhere':
      return 'M3 4 H13 V11 H3 Z M6 14 H10';
    case 'voicemail':
      return 'M4 10 A2.5 2.5 0 1 1 4.01 10 M12 10 A2.5 2.5 0 1 1 12.01 10 M4 12.5 H12';
  }
}
