// The habits screen (#/habits): edit, reorder, archive and restore, delete with confirmation.
import { useRef, useState } from 'preact/hooks';
import type { Habit } from '../../data/entities.ts';
import { deleteHabit, reorderHabits, restoreHabit } from '../../data/repo.ts';
import { habitsLive } from '../hooks/liveReads.ts';
import { ConfirmDialog } from '../components/ConfirmDialog.tsx';
import { ErrorNote, errorText } from '../components/ErrorNote.tsx';
import { useToast } from '../components/Toast.tsx';
import { useLiveQueryResult } from '../hooks/useLiveQuery.ts';
import { AddHabitForm } from '../today/AddHabitForm.tsx';
import { HabitEditor } from './HabitEditor.tsx';

/** The order after moving ids[i] one place up (-1) or down (+1). */
export function moved(ids: string[], i: number, dir: -1 | 1): string[] {
  const j = i + dir;
  if (j < 0 || j >= ids.length) return ids;
  const out = ids.slice();
  [out[i], out[j]] = [out[j], out[i]];
  return out;
}

/** The habit management screen. */
export function ManageHabits() {
  const toast = useToast();
  const { value: all, error } = useLiveQueryResult(habitsLive, []);
  const [toDelete, setToDelete] = useState<Habit | null>(null);
  const listRef = useRef<HTMLUListElement>(null);
  const active = (all ?? []).filter((h) => !h.archivedAt).sort((a, b) => a.order - b.order);
  const archived = (all ?? []).filter((h) => h.archivedAt);
  const move = async (i: number, dir: -1 | 1) => {
    try {
      await reorderHabits(
        moved(
          active.map((h) => h.id),
          i,
          dir,
        ),
      );
      // Keep keyboard focus on the moved habit's same button after the list re-renders.
      const id = active[i].id;
      requestAnimationFrame(() => {
        const btn = listRef.current?.querySelector<HTMLButtonElement>(
          `[data-habit-id="${CSS.escape(id)}"] ` +
            `button[aria-label^="Move"][aria-label$="${dir < 0 ? 'up' : 'down'}"]:not([disabled])`,
        );
        btn?.focus();
      });
    } catch (err) {
      toast({ text: errorText(err) });
    }
  };
  const confirmDelete = async () => {
    const h = toDelete;
    setToDelete(null);
    if (!h) return;
    try {
      await deleteHabit(h.id);
      toast({ text: `Deleted “${h.name}” and its history.` });
    } catch (err) {
      toast({ text: errorText(err) });
    }
  };
  return (
    <section class="screen habits" aria-labelledby="habits-h">
      <div class="screen-head">
        <h2 id="habits-h">Habits</h2>
        <a href="#/today" class="btn btn-link">
          Back to Today
        </a>
      </div>
      <ErrorNote error={error} />
      {all && active.length === 0 && <p>No active habits.</p>}
      <ul class="editor-list" ref={listRef}>
        {active.map((h, i) => (
          <HabitEditor
            key={h.id}
            habit={h}
            first={i === 0}
            last={i === active.length - 1}
            onMove={(d) => move(i, d)}
            onDelete={() => setToDelete(h)}
          />
        ))}
      </ul>
      <AddHabitForm />
      <section class="card" aria-labelledby="archived-h" data-testid="archived-list">
        <h2 id="archived-h">Archived</h2>
        {archived.length === 0 ? (
          <p class="note">Archived habits keep their history and leave Today. None yet.</p>
        ) : (
          <ul class="plain-list">
            {archived.map((h) => (
              <li key={h.id} class="archived-row" data-habit-id={h.id}>
                <span class="habit-name">{h.name}</span>
                <span class="row-buttons">
                  <button
                    type="button"
                    class="btn"
                    onClick={() =>
                      restoreHabit(h.id).then(
                        () => toast({ text: `Restored “${h.name}”.` }),
                        (err) => toast({ text: errorText(err) }),
                      )
                    }
                  >
                    Restore <span class="sr-only">{h.name}</span>
                  </button>
                  <button type="button" class="btn btn-danger-outline" onClick={() => setToDelete(h)}>
                    Delete <span class="sr-only">{h.name}</span>
                  </button>
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
      <ConfirmDialog
        open={toDelete !== null}
        title="Delete this habit?"
        confirmLabel="Delete habit"
        danger
        onConfirm={confirmDelete}
        onCancel={() => setToDelete(null)}
      >
        <p>
          “{toDelete?.name}” and its whole history will be deleted from this device. This cannot be undone. Archive it
          instead to keep the history.
        </p>
      </ConfirmDialog>
    </section>
  );
}
