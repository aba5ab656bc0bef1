import type { Reachability } from '../../common/schemas/registration';
import { reachabilityText } from '../features/reachability/reachability-text';
import { useRingdesk } from '../store/RingdeskStoreProvider';
import { selectIsOnSetup, selectUnreachable } from '../store/selectors';

type Action = NonNullable<Reachability['action']>;

const ACTION_LABELS: Record<Action, string> = {
  retry: 'Retry now',
  'go-available': 'Go available',
  'edit-account': 'Edit account',
};

/**
 * "Your phone will not ring": shown for as long as that is true, and not
 * dismissible, because an agent who misses it misses calls.
 */
export function ReachabilityBanner() {
  const reachability = useRingdesk(selectUnreachable);
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

  return (
    <div
      className={`banner banner-${reachability.tone}`}
      role={reachability.tone === 'error' ? 'alert' : 'status'}
      data-testid="reachability-banner"
    >
      <div className="banner-text">
        <p className="banner-headline">{text.headline}</p>
        {text.detail && <p className="banner-detail">{text.detail}</p>}
      </div>
      {action && (
        <button type="button" className="banner-action" onClick={run[action]}>
          {ACTION_LABELS[action]}
        </button>
      )}
    </div>
  );
}
