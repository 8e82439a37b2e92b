// The likelihood chip on each Today row: today's stored probability, tap for the reasons.
import { useId, useState } from 'preact/hooks';
import { withDb } from '../../data/connection.ts';
import { statusOf } from '../../remind/state.ts';
import { useLiveQuery } from '../hooks/useLiveQuery.ts';
import { useToday } from '../hooks/useToday.ts';
import { likelihoodView } from './likelihoodView.ts';
import '../components/tones.css';
import './likelihood.css';

function loadChip(habitId: string, today: string) {
  return withDb(async (db) => {
    const [pred, events] = await Promise.all([
      db.predictions.get(habitId),
      db.events.where('[habitKey+day]').equals([habitId, today]).toArray(),
    ]);
    return { pred: pred ?? null, state: statusOf(events).status.get(habitId) ?? null };
  });
}

/** Today's probability for one habit as a chip ("87% likely today"); tap or Enter shows why. */
export function Likelihood({ habitId }: { habitId: string }) {
  const today = useToday();
  const data = useLiveQuery(() => loadChip(habitId, today), [habitId, today]);
  const [open, setOpen] = useState(false);
  const whyId = useId();
  if (!data) return <span class="likelihood" data-testid={`likelihood-${habitId}`} data-source="loading" />;
  const view = likelihoodView(data.pred, today, data.state);
  return (
    <span
      class={`likelihood tone-${view.tone}`}
      data-testid={`likelihood-${habitId}`}
      data-source={data.pred && data.pred.day === today ? data.pred.source : 'none'}
      data-p={view.pct ?? undefined}
      data-version={data.pred?.modelVersion ?? undefined}
    >
      <button type="button" class="chip" aria-expanded={open} aria-controls={whyId} onClick={() => setOpen(!open)}>
        {view.tone === 'risk' && (
          <span class="chip-icon" aria-hidden="true">
            !
          </span>
        )}
        <span class="chip-label">{view.label}</span>
        <span class="sr-only">{open ? ', hide why' : ', show why'}</span>
      </button>
      <span id={whyId} class="why" hidden={!open} data-testid="likelihood-why">
        {view.why}
      </span>
    </span>
  );
}
