import { useCallback, useEffect, useId, useMemo, useState } from 'react';
import { historyFilterSchema, type HistoryEntry, type HistoryFilter } from '../../../common/schemas/history';
import { dialTextForPeer } from '../../domain/dial-target';
import { historyRows, type HistoryRow } from '../../domain/history-format';
import { useRingdesk } from '../../store/RingdeskStoreProvider';
import { selectAccountDomain, selectDefaultCountry } from '../../store/selectors';
import { useDebounced } from '../dialer/use-debounced';
import { HISTORY_ITEM_HEIGHT, HistoryItem } from './HistoryItem';
import { WindowedList } from '../../components/WindowedList';
import './history.css';

/** A day heading's height in px; must match .history-day in history.css. */
const HISTORY_DAY_HEIGHT = 32;
const rowKey = (row: HistoryRow) => row.key;
const rowHeight = (row: HistoryRow) => (row.kind === 'day' ? HISTORY_DAY_HEIGHT : HISTORY_ITEM_HEIGHT);

const FILTER_LABELS: Record<HistoryFilter, string> = { all: 'All', missed: 'Missed', inbound: 'Inbound', outbound: 'Outbound' };
export const HISTORY_SEARCH_DELAY_MS = 250;

/**
 * The call history, newest first, under a heading per day: main holds
 * every call (100,000 and more), the store a few pages around where the
 * agent has scrolled, and this renders only the rows on screen.
 */
export function HistoryView() {
  const filterId = useId();
  const searchId = useId();
  const history = useRingdesk((s) => s.history);
  const loadHistory = useRingdesk((s) => s.loadHistory);
  const loadMoreHistory = useRingdesk((s) => s.loadMoreHistory);
  const loadNewerHistory = useRingdesk((s) => s.loadNewerHistory);
  const releaseHistory = useRingdesk((s) => s.releaseHistory);
  const dial = useRingdesk((s) => s.dial);
  const reportProblem = useRingdesk((s) => s.reportProblem);
  const country = useRingdesk(selectDefaultCountry);
  const domain = useRingdesk(selectAccountDomain);
  const [searchText, setSearchText] = useState(history.search);
  const search = useDebounced(searchText.trim(), HISTORY_SEARCH_DELAY_MS);
  // "Today" and "Yesterday" are as of when the view opened.
  const [now] = useState(() => Date.now());

  useEffect(() => {
    void loadHistory({ search });
  }, [search, loadHistory]);
  // Nothing is held while the view is closed; opening it fetches the first page again.
  useEffect(() => releaseHistory, [releaseHistory]);

  const callBack = useCallback(
    (entry: HistoryEntry) => {
      const outcome = dial(dialTextForPeer(entry.peer, domain));
      if (!outcome.ok) reportProblem(outcome.message);
    },
    [dial, domain, reportProblem],
  );

  return (
    <section className="history" aria-label="Call history">
      <div className="history-tools">
        <div className="field field-inline">
          <label htmlFor={filterId}>Show</label>
          <select
            id={filterId}
            value={history.filter}
            onChange={(event) => {
              const filter = historyFilterSchema.safeParse(event.target.value);
              if (filter.success) void loadHistory({ filter: filter.data });
            }}
          >
            {historyFilterSchema.options.map((value) => (
              <option key={value} value={value}>
                {FILTER_LABELS[value]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={searchId}>Search calls</label>
          <input
            id={searchId}
            type="search"
            autoComplete="off"
            spellCheck={false}
            placeholder="Name or number"
            value={searchText}
            onChange={(event) => setSearchText(event.target.value)}
          />
        </div>
      </div>
      {history.status === 'ready' && history.hasNewer && (
        <button type="button" className="load-more" disabled={history.loadingNewer} onClick={() => void loadNewerHistory()}>
          {history.loadingNewer ? 'Loading…' : 'Show newer calls'}
        </button>
      )}
      <HistoryBody
        entries={history.entries}
        status={history.status}
        error={history.error}
        searching={history.search !== '' || history.filter !== 'all'}
        atTop={!history.hasNewer}
        now={now}
        country={country}
        onCallBack={callBack}
        onRetry={() => void loadHistory()}
        onNearStart={loadNewerHistory}
        onNearEnd={loadMoreHistory}
      />
      {history.status === 'ready' && history.hasMore && (
        <button type="button" className="load-more" disabled={history.loadingMore} onClick={() => void loadMoreHistory()}>
          {history.loadingMore ? 'Loading…' : 'Load more'}
        </button>
      )}
      {history.status === 'ready' && history.error && (
        <p className="field-error" role="alert">
          {history.error}
        </p>
      )}
    </section>
  );
}

interface HistoryBodyProps {
  entries: HistoryEntry[];
  status: 'idle' | 'loading' | 'ready' | 'failed';
  error: string | null;
  searching: boolean;
  /** The newest calls are held (the agent has not scrolled them away). */
  atTop: boolean;
  now: number;
  country: string;
  onCallBack: (entry: HistoryEntry) => void;
  onRetry: () => void;
  onNearStart: () => Promise<void>;
  onNearEnd: () => Promise<void>;
}

function HistoryBody({ entries, status, error, searching, atTop, now, country, onCallBack, onRetry, onNearStart, onNearEnd }: HistoryBodyProps) {
  const rows = useMemo(() => historyRows(entries, now), [entries, now]);
  const renderRow = useCallback(
    (row: HistoryRow) =>
      row.kind === 'day' ? (
        <li key={row.key} className="history-day">
          <h3>{row.label}</h3>
        </li>
      ) : (
        <HistoryItem key={row.key} entry={row.entry} country={country} onCallBack={onCallBack} />
      ),
    [country, onCallBack],
  );
  const nearStart = useCallback(() => void onNearStart(), [onNearStart]);
  const nearEnd = useCallback(() => void onNearEnd(), [onNearEnd]);

  if (status === 'failed') {
    return (
      <div className="history-empty" role="alert">
        <p>{error ?? 'The call history could not be loaded.'}</p>
        <button type="button" onClick={onRetry}>
          Retry
        </button>
      </div>
    );
  }
  if (entries.length === 0) {
    const text = status === 'ready' ? (searching ? 'No calls match.' : 'No calls yet.') : 'Loading…';
    return (
      <p className="history-empty" role="status">
        {text}
      </p>
    );
  }
  return (
    <WindowedList
      className="history-list"
      label="Calls"
      rows={rows}
      rowKey={rowKey}
      rowHeight={rowHeight}
      renderRow={renderRow}
      busy={status === 'loading'}
      followTop={atTop}
      onNearStart={atTop ? undefined : nearStart}
      onNearEnd={nearEnd}
    />
  );
}
