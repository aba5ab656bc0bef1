import type { CallSnapshot } from '../../common/schemas/call';
import type { HistoryPage } from '../../common/schemas/history';
import type { Notice } from '../../common/schemas/snapshot';
import type { CallNotificationSettings } from '../domain/call-notification-policy';
import type { Clock } from '../ports/clock';
import type { HistoryQueryParams, HistoryStore } from '../ports/history-store';
import type { Logger } from '../ports/logger';
import type { Notifier } from '../ports/notifier';
import { CallHistoryRecorder } from './call-history/call-history-recorder';
import { CallNotifications } from './call-notifications';
import type { RendererEvents } from './renderer-events';

const HISTORY_NOT_SAVED: Notice = { id: 'history-not-saved', tone: 'error' };

/** Main's side of calls, as the IPC layer (and tests) see it. */
export interface CallService {
  /** A call changed in the renderer's engine. */
  report(call: CallSnapshot): Promise<void>;
  queryHistory(query: HistoryQueryParams): Promise<HistoryPage>;
  /** The renderer crashed or reloaded and its calls died with it. */
  rendererGone(): Promise<void>;
  notices(): Notice[];
  /** A call is connected (answered or accepted) right now: "on a call" for the teammates' status. */
  onCall(): boolean;
}

/**
 * Main's side of calls: the renderer's engine places and answers them and
 * reports every change (calls.report); main notifies, brings the window
 * forward and keeps the history.
 */
export function createCallServices(deps: {
  history: HistoryStore;
  notifier: Notifier;
  showWindow: () => void;
  clock: Pick<Clock, 'now'>;
  log: Logger;
  renderer: Pick<RendererEvents, 'callAction' | 'historyAdded'>;
  settings: () => Promise<CallNotificationSettings>;
  /** `notices()` changed. */
  noticesChanged: () => void;
  /** `onCall()` changed. */
  onCallChanged?: () => void;
}): CallService {
  let historyNotSaved = false;
  const notifications = new CallNotifications({
    notifier: deps.notifier,
    showWindow: deps.showWindow,
    sendAction: (action) => deps.renderer.callAction(action),
    settings: deps.settings,
    lookupName: (user) => deps.history.lookupName(user),
    now: () => deps.clock.now(),
    log: deps.log,
  });
  const recorder = new CallHistoryRecorder({
    store: deps.history,
    clock: deps.clock,
    added: (entry) => deps.renderer.historyAdded(entry),
    notSaved: () => {
      if (historyNotSaved) return;
      historyNotSaved = true;
      deps.noticesChanged();
    },
  });

  /** The last snapshot of each call not yet ended, to close them if the renderer dies. */
  const live = new Map<string, CallSnapshot>();
  const onCall = () => [...live.values()].some((c) => c.answeredAt !== null);
  const report = async (call: CallSnapshot): Promise<void> => {
    const wasOnCall = onCall();
    if (call.state === 'ended') live.delete(call.id);
    else live.set(call.id, call);
    if (onCall() !== wasOnCall) deps.onCallChanged?.();
    await Promise.all([notifications.report(call), recorder.report(call)]);
  };

  return {
    report,
    queryHistory: (query) => deps.history.query(query),
    /**
     * The renderer crashed or reloaded and its calls died with it: end them
     * here so they reach the history, a ringing one as a missed call the
     * agent can return.
     */
    rendererGone: async () => {
      const now = deps.clock.now();
      const orphans = [...live.values()];
      live.clear();
      notifications.rendererGone();
      for (const call of orphans) {
        const ringing = call.direction === 'inbound' && call.answeredAt === null;
        await report({
          ...call,
          state: 'ended',
          endedAt: now,
          end: ringing ? { reason: 'cancelled', by: 'system' } : { reason: 'failed', by: 'system' },
        });
      }
    },
    notices: (): Notice[] => (historyNotSaved ? [HISTORY_NOT_SAVED] : []),
    onCall,
  };
}
