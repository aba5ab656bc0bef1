import { useShallow } from 'zustand/react/shallow';
import { useRingdesk } from '../../store/RingdeskStoreProvider';
import { selectNotices } from '../../store/selectors';
import { noticeText } from './notice-text';

/** One-off messages (from main or from a failed request) that stay until the agent dismisses them. */
export function Notices() {
  const notices = useRingdesk(useShallow(selectNotices));
  const dismissNotice = useRingdesk((s) => s.dismissNotice);
  // The live region is always there so screen readers announce notices as they arrive.
  return (
    <div className="notices" aria-live="polite">
      {notices.length > 0 && (
        <ul aria-label="Notices">
          {notices.map((notice) => (
            <li key={notice.id} className={`notice notice-${notice.tone}`}>
              <p className="notice-message">{'message' in notice ? notice.message : noticeText(notice)}</p>
              <button type="button" className="link" onClick={() => void dismissNotice(notice.id)}>
                Dismiss
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
