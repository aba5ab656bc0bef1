import { Fragment } from 'react';
import type { Reachability } from '../../common/schemas/registration';
import { reachabilityText, type TechnicalLine } from '../features/reachability/reachability-text';
import { useNowUntil } from '../features/phone/use-now-until';
import { useRingdesk } from '../store/RingdeskStoreProvider';
import { secondsUntil, selectIsOnSetup, selectNextAttemptAt, selectUnreachable } from '../store/selectors';
import { Disclosure } from './Disclosure';

type Action = NonNullable<Reachability['action']>;

const ACTION_LABELS: Record<Action, string> = {
  retry: 'Retry now',
  'go-available': 'Go available',
  'edit-account': 'Edit account',
};

/**
 * "Your phone will not ring": shown for as long as that is true, and not
 * dismissible, because an agent who misses it misses calls. The agent reads
 * plain words; the server, status code and failure are folded under
 * "Details" for whoever helps them.
 */
export function ReachabilityBanner() {
  const reachability = useRingdesk(selectUnreachable);
  const nextAttemptAt = useRingdesk(selectNextAttemptAt);
  const onSetup = useRingdesk(selectIsOnSetup);
  const retryNow = useRingdesk((s) => s.retryNow);
  const setPresence = useRingdesk((s) => s.setPresence);
  const openAccountEditor = useRingdesk((s) => s.openAccountEditor);
  if (!reachability) return null;

  const run: Record<Action, () => void> = {
    retry: () => void retryNow(),
    'go-available': () => void setPresence('available'),
    'edit-account': openAccountEditor,
  };
  // On the account form already, "Edit account" would lead nowhere.
  const action = reachability.action === 'edit-account' && onSetup ? undefined : reachability.action;
  const text = reachabilityText(reachability);
  const retryAt = reachability.reason === 'reconnecting' ? nextAttemptAt : null;

  return (
    <div
      className={`banner banner-${reachability.tone}`}
      role={reachability.tone === 'error' ? 'alert' : 'status'}
      data-testid="reachability-banner"
    >
      <div className="banner-text">
        {retryAt === null ? (
          <p className="banner-headline">{text.headline}</p>
        ) : (
          // Keyed by the deadline so each new wait starts from a fresh clock
          // (only the headline: Details stays open across attempts).
          <RetryHeadline key={retryAt} reachability={reachability} retryAt={retryAt} />
        )}
        {text.detail && <p className="banner-detail">{text.detail}</p>}
        {text.technical.length > 0 && <TechnicalDetails lines={text.technical} />}
      </div>
      {action && (
        <button type="button" className="banner-action" onClick={run[action]}>
          {ACTION_LABELS[action]}
        </button>
      )}
    </div>
  );
}

/** "Can't reach your phone system — retrying in 8 s", counting down. */
function RetryHeadline({ reachability, retryAt }: { reachability: Reachability; retryAt: number }) {
  const now = useNowUntil(retryAt);
  return (
    // The alert is read out when it appears; a second ticking by is not news, so it is not announced each time.
    <p className="banner-headline" aria-live="off">
      {reachabilityText(reachability, secondsUntil(retryAt, now)).headline}
    </p>
  );
}

/** For admins: the server, status code and failure. Server-supplied reason phrases are rendered as text only. */
function TechnicalDetails({ lines }: { lines: TechnicalLine[] }) {
  return (
    <Disclosure summary="Details" className="banner-details">
      <dl>
        {lines.map((line) => (
          <Fragment key={line.label}>
            <dt>{line.label}</dt>
            <dd>{line.value}</dd>
          </Fragment>
        ))}
      </dl>
    </Disclosure>
  );
}
