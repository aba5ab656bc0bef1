import type { HistoryEntry } from '../../../common/schemas/history';
import { HISTORY_OUTCOME_TEXT } from '../../domain/call-outcome-text';
import { DIRECTION_TEXT, formatHistoryClock, formatHistoryDuration, formatHistoryTimeFull, spokenDuration } from '../../domain/history-format';
import { displayNumber } from '../../domain/phone-number';
import { HistoryDirectionIcon, HistoryStatusIcon } from './HistoryStatusIcon';

/** A call row's height in px: the list is windowed by it, so it must match .history-item in history.css. */
export const HISTORY_ITEM_HEIGHT = 56;

interface HistoryItemProps {
  entry: HistoryEntry;
  country: string;
  onCallBack: (entry: HistoryEntry) => void;
}

/**
 * One call in the history: how it turned out (icon and words), who (as
 * text: names are remote-controlled), which way, when, how long, call back.
 */
export function HistoryItem({ entry, country, onCallBack }: HistoryItemProps) {
  const number = displayNumber(entry.peer.user || entry.peer.uri, country);
  const name = entry.peer.displayName?.trim() || null;
  const duration = formatHistoryDuration(entry.durationSec);
  return (
    <li className={`history-item history-${entry.status}`}>
      <HistoryStatusIcon status={entry.status} />
      <div className="history-peer">
        <p className="history-name">{name ?? number}</p>
        <p className="history-detail">
          <span className="history-outcome">{HISTORY_OUTCOME_TEXT[entry.status]}</span>
          <span className="history-direction">
            <HistoryDirectionIcon direction={entry.direction} />
            {DIRECTION_TEXT[entry.direction]}
          </span>
          {name && <span className="history-number">{number}</span>}
          {duration && (
            <span className="history-duration" title={spokenDuration(entry.durationSec)}>
              {duration}
            </span>
          )}
        </p>
      </div>
      <time className="history-time" dateTime={new Date(entry.startedAt).toISOString()} title={formatHistoryTimeFull(entry.startedAt)}>
        {formatHistoryClock(entry.startedAt)}
      </time>
      <button type="button" className="call-back" onClick={() => onCallBack(entry)}>
        Call back
      </button>
    </li>
  );
}
