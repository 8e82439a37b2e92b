// Chooses which habit a per-habit screen (History, Insights) shows; the choice lives in the hash.
import type { Habit } from '../../data/entities.ts';

/** A labelled select of habits; archived ones are listed after the active ones. */
export function HabitPicker(p: {
  habits: Habit[];
  value: string | null;
  onChange: (id: string) => void;
  label?: string;
}) {
  const active = p.habits.filter((h) => !h.archivedAt);
  const archived = p.habits.filter((h) => h.archivedAt);
  return (
    <label class="field picker">
      <span>{p.label ?? 'Habit'}</span>
      <select value={p.value ?? ''} onChange={(e) => p.onChange((e.currentTarget as HTMLSelectElement).value)}>
        {p.value === null && <option value="">Choose a habit</option>}
        {active.map((h) => (
          <option key={h.id} value={h.id}>
            {h.name}
          </option>
        ))}
        {archived.length > 0 && (
          <optgroup label="Archived">
            {archived.map((h) => (
              <option key={h.id} value={h.id}>
                {h.name}
              </option>
            ))}
          </optgroup>
        )}
      </select>
    </label>
  );
}
