import type { CallSnapshot } from '../../../common/schemas/call';
import type { HistoryEntry } from '../../../common/schemas/history';
import { historyEntryFromCall } from '../../domain/call-history-status';
import type { Clock } from '../../ports/clock';
import type { HistoryStore } from '../../ports/history-store';

/**
 * Writes one history entry per call, from the first report of it in state
 * 'ended' (a call main never saw before included). Later repeats are
 * ignored: the store refuses a second entry for the same call id.
 */
export class CallHistoryRecorder {
  constructor(
    private readonly deps: {
      store: HistoryStore;
      clock: Pick<Clock, 'now'>;
      /** A new entry is in the history (sent to the renderer as historyAdded). */
      added: (entry: HistoryEntry) => void;
      /** The disk refused the entry: it is listed this session only. */
      notSaved: () => void;
    },
  ) {}

  async report(call: CallSnapshot): Promise<void> {
    if (call.state !== 'ended') return;
    const entry = historyEntryFromCall(call, this.deps.clock.now());
    const outcome = await this.deps.store.add(entry);
    if (outcome === 'duplicate') return;
    this.deps.added(entry);
    if (outcome === 'not-saved') this.deps.notSaved();
  }
}
