import { DiscardChangesDialog } from '../../components/DiscardChangesDialog';
import { useRingdesk } from '../../store/RingdeskStoreProvider';

/** "Discard unsaved changes?" when the agent picks another section while a form holds changes. */
export function LeaveGuard() {
  const pending = useRingdesk((s) => s.ui.pendingView);
  const settle = useRingdesk((s) => s.settlePendingView);
  if (!pending) return null;
  return (
    <DiscardChangesDialog onDiscard={() => settle(true)} onKeep={() => settle(false)} />
  );
}
