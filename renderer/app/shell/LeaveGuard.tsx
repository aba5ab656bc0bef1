import { ConfirmDialog } from '../../components/ConfirmDialog';
import { useRingdesk } from '../../store/RingdeskStoreProvider';

/** "Discard unsaved changes?" when the agent picks another section while a form holds changes. */
export function LeaveGuard() {
  const pending = useRingdesk((s) => s.ui.pendingView);
  const settle = useRingdesk((s) => s.settlePendingView);
  if (!pending) return null;
  return (
    <ConfirmDialog title="Discard unsaved changes?" confirmLabel="Discard changes" cancelLabel="Keep editing" destructive onConfirm={() => settle(true)} onCancel={() => settle(false)}>
      <p>The changes on this form have not been saved.</p>
    </ConfirmDialog>
  );
}
