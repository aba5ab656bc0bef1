import { ConfirmDialog } from './ConfirmDialog';

/** "Discard unsaved changes?": one wording wherever a form with changes is left (Cancel, or another section). */
export function DiscardChangesDialog({ onDiscard, onKeep }: { onDiscard: () => void; onKeep: () => void }) {
  return (
    <ConfirmDialog title="Discard unsaved changes?" confirmLabel="Discard changes" cancelLabel="Keep editing" destructive onConfirm={onDiscard} onCancel={onKeep}>
      <p>The changes on this form have not been saved.</p>
    </ConfirmDialog>
  );
}
