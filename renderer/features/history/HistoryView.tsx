import { useEffect, useId, useState } from 'react';
import { historyFilterSchema, type HistoryEntry, type HistoryFilter } from '../../../common/schemas/history';
import { dialTextForPeer } from '../../domain/dial-target';
import { useRingdesk } from '../../store/RingdeskStoreProvider';
import { selectAccountDomain, selectDefaultCountry } from '../../store/selectors';
import { useDebounced } from '../dialer/use-debounced';
import { HistoryItem } from './HistoryItem';
import './history.css';

const FILTER_LABELS: Record<HistoryFilter, string> = { all: 'All', missed: 'Missed', inbound: 'Inbound', outbound: 'Outbound' };
export const HISTORY_SEARCH_DELAY_MS = 250;

/**
 * The call history, newest first, a page at a time: main holds every call
 * (100,000 and more), this renders only the pages asked for.
 */
export function HistoryView() {
  const filterId = useId();
  const searchId = useId();
  const history = useRingdesk((s) => s.history);
  const loadHistory = useRingdesk((s) => s.loadHistory);
  const loadMoreHistory = useRingdesk((s) => s.loadMoreHistory);
  const dial = useRingdesk((s) => s.dial);
  const reportProblem = useRingdesk((s) => s.reportProblem);
  const country = useRingdesk(selectDefaultCountry);
  const domain = useRingdesk(selectAccountDomain);
  const [searchText, setSearchText] = useState(history.search);
  const search = useDebounced(searchText.trim(), HISTORY_SEARCH_DELAY_MS);
  // Times are relative to when the list was loaded ("14:05" today, "Mon 14:05").
  const [now] = useState(() => Date.now());

  useEffect(() => {
    void loadHistory({ search });
  }, [search, loadHistory]);

  const callBack = (entry: HistoryEntry) => {
    const outcome = dial(dialTextForPeer(entry.peer, domain));
    if (!outcome.ok) reportProblem(outcome.message);
  };

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
      <HistoryBody
        entries={history.entries}
        status={history.status}
        error={history.error}
        searching={history.search !== '' || history.filter !== 'all'}
        now={now}
        country={country}
        onCallBack={callBack}
        onRetry={() => void loadHistory()}
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
  now: number;
  country: string;
  onCallBack: (entry: HistoryEntry) => void;
  onRetry: () => void;
}

function HistoryBody({ entries, status, error, searching, now, country, onCallBack, onRetry }: HistoryBodyProps) {
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
    <ul className="history-list" aria-label="Calls" aria-busy={status === 'loading' || undefined}>
      {entries.map((entry) => (
        <HistoryItem key={entry.id} entry={entry} now={now} country={country} onCallBack={onCallBack} />
      ))}
    </ul>
  );
}
