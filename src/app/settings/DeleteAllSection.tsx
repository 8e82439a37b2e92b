// Deleting everything, behind a real confirmation dialog.
import { useState } from 'preact/hooks';
import { deleteAllData } from '../../data/repo.ts';
import { ConfirmDialog } from '../components/ConfirmDialog.tsx';
import { errorText } from '../components/ErrorNote.tsx';
import { useToast } from '../components/Toast.tsx';

/** The "Delete all data" section of Settings. */
export function DeleteAllSection({ onDeleted }: { onDeleted?: () => void }) {
  const toast = useToast();
  const [open, setOpen] = useState(false);
  const confirm = async () => {
    setOpen(false);
    try {
      await deleteAllData();
      onDeleted?.();
      toast({ text: 'All habits, history and learned models were deleted from this device.' });
    } catch (err) {
      toast({ text: `Could not delete: ${errorText(err)}` });
    }
  };
  return (
    <section class="card" aria-labelledby="delete-h">
      <h2 id="delete-h">Delete all data</h2>
      <p class="note">
        Removes every habit, its history and the learned models from this device. Export a backup first to keep a copy.
      </p>
      <button type="button" class="btn btn-danger-outline" onClick={() => setOpen(true)}>
        Delete all data…
      </button>
      <ConfirmDialog
        open={open}
        title="Delete all data?"
        confirmLabel="Delete everything"
        danger
        onConfirm={confirm}
        onCancel={() => setOpen(false)}
      >
        <p>
          All habits, their whole history and the learned models will be deleted from this device. This cannot be
          undone.
        </p>
      </ConfirmDialog>
    </section>
  );
}
