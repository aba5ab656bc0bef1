import type { HistoryEntry } from '../../../common/schemas/history';
import {
  DIRECTION_TEXT,
  formatHistoryDuration,
  formatHistoryTime,
  formatHistoryTimeFull,
  spokenDuration,
} from '../../domain/history-format';
import { displayNumber } from '../../domain/phone-number';
import { HistoryStatusIcon } from './HistoryStatusIcon';

interface HistoryItemProps {
  entry: HistoryEntry;
  now: number;
  country: string;
  onCallBack: (entry: HistoryEntry) => void;
}

/** One call in the history: status icon, who (as text: names are remote-controlled), when, how long, call back. */
export function HistoryItem({ entry, now, country, onCallBack }: HistoryItemProps) {
  const number = displayNumber(entry.peer.user || entry.peer.uri, country);
  const name = entry.peer.displayName?.trim() || null;
  const duration = formatHistoryDuration(entry.durationSec);
  return (
    <li className={`history-item history-${entry.status}`}>
      <HistoryStatusIcon status={entry.status} direction={entry.direction} />
      <div className="history-peer">
        <p className="history-name">{name ?? number}</p>
        <p className="history-detail">
          {name && <span className="history-number">{number}</span>}
          <span className="history-direction">{DIRECTION_TEXT[entry.direction]}</span>
          {duration && (
            <span className="history-duration" title={spokenDuration(entry.durationSec)}>
              {duration}
            </span>
          )}
        </p>
      </div>
      <time className="history-time" dateTime={new Date(entry.startedAt).toISOString()} title={formatHistoryTimeFull(entry.startedAt)}>
        {formatHistoryTime(entry.startedAt, now)}
      </time>
      <button type="button" className="call-back" onClick={() => onCallBack(entry)}>
        Call back
      </button>
    </li>
  );
}
