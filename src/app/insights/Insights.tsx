// The Insights screen of one habit: probability over time against what happened, calibration,
// the active model with rollback and Train now, and every training run.
import { scheduleLabel } from '../../habits/schedule.ts';
import { useEffect } from 'preact/hooks';
import type { Habit } from '../../data/entities.ts';
import { withDb } from '../../data/connection.ts';
import { HabitPicker } from '../components/HabitPicker.tsx';
import { useLiveQuery } from '../hooks/useLiveQuery.ts';
import { hrefFor, navigate } from '../router.ts';
import { CalibrationChart } from './CalibrationChart.tsx';
import { ModelPanel, type CheckpointSummary } from './ModelPanel.tsx';
import { ProbabilityChart } from './ProbabilityChart.tsx';
import { RunsTable } from './RunsTable.tsx';
import { INSIGHT_DAYS, useInsights } from './useInsights.ts';
import './insights.css';

/** How many training runs the screen lists. */
const RUNS_SHOWN = 30;

function loadModel(habitId: string) {
  return withDb(async (db) => {
    const [cps, runs, prediction] = await Promise.all([
      db.checkpoints.where('habitId').equals(habitId).toArray(),
      db.trainingRuns.where('habitId').equals(habitId).toArray(),
      db.predictions.get(habitId),
    ]);
    const summaries: CheckpointSummary[] = cps.map((c) => ({
      version: c.version,
      active: c.active,
      createdAt: c.createdAt,
      trigger: c.trigger,
      trainedThrough: c.trainedThrough,
    }));
    runs.sort((a, b) => b.startedAt - a.startedAt);
    return {
      checkpoints: summaries,
      runs: runs.slice(0, RUNS_SHOWN),
      runCount: runs.length,
      prediction: prediction ?? null,
    };
  });
}

function HabitInsights({ habit }: { habit: Habit }) {
  const model = useLiveQuery(() => loadModel(habit.id), [habit.id]);
  const activeVersion = model?.checkpoints.find((c) => c.active === 1)?.version ?? 0;
  // A new run or a rollback changes what the charts should show.
  const insights = useInsights(habit.id, `${activeVersion}:${model?.runCount ?? -1}`);
  return (
    <>
      {habit.schedule && habit.schedule.kind !== 'daily' && (
        <p class="note" data-testid="insights-schedule">
          Schedule: {scheduleLabel(habit.schedule)}
        </p>
      )}
      <section class="card" aria-labelledby="model-h">
        <h3 id="model-h">Model</h3>
        {model ? (
          <ModelPanel habitId={habit.id} checkpoints={model.checkpoints} prediction={model.prediction} />
        ) : (
          <p class="muted">Loading…</p>
        )}
      </section>
      <section class="card" aria-labelledby="series-h" aria-busy={insights.loading}>
        <h3 id="series-h">Chance over the last {INSIGHT_DAYS} days</h3>
        {insights.error && (
          <p class="status error" role="alert">
            Could not compute the charts: {insights.error}
          </p>
        )}
        {insights.data && insights.data.series.length > 0 && <ProbabilityChart series={insights.data.series} />}
        {insights.data && insights.data.series.length === 0 && (
          <p class="muted">No days to show yet: mark the habit for a few days first.</p>
        )}
        {!insights.data && insights.loading && <p class="muted">Computing in the background…</p>}
      </section>
      <section class="card" aria-labelledby="cal-h">
        <h3 id="cal-h">Were the chances right?</h3>
        {insights.data && <CalibrationChart bins={insights.data.calibration} />}
      </section>
      <section class="card" aria-labelledby="runs-h">
        <h3 id="runs-h">Training runs</h3>
        {model && <RunsTable runs={model.runs} />}
        {model && model.runCount > model.runs.length && (
          <p class="muted">
            Showing the latest {model.runs.length} of {model.runCount} runs.
          </p>
        )}
      </section>
    </>
  );
}

/** Insights screen for one habit (route #/insights/<habitId>); null shows the habit picker. */
export function Insights({ habitId }: { habitId: string | null }) {
  const habits = useLiveQuery(() => withDb((db) => db.habits.orderBy('order').toArray()), []);
  const firstActive = habits?.find((h) => !h.archivedAt)?.id ?? null;
  useEffect(() => {
    // With no habit in the address, show the first one: an empty screen helps nobody.
    if (habitId === null && firstActive) navigate(hrefFor('insights', firstActive), true);
  }, [habitId, firstActive]);
  const habit = habits?.find((h) => h.id === habitId) ?? null;
  return (
    <section class="insights" aria-labelledby="insights-h" data-testid="insights">
      <h2 id="insights-h">Insights{habit ? <span class="sr-only">: {habit.name}</span> : null}</h2>
      {habits && habits.length > 0 && (
        <HabitPicker
          habits={habits}
          value={habit ? habit.id : null}
          onChange={(id) => navigate(hrefFor('insights', id), true)}
        />
      )}
      {habits && habits.length === 0 && (
        <p class="muted">No habits yet. Add one on Today, or try the sample history there.</p>
      )}
      {habits && habitId !== null && !habit && (
        <p class="status error">This habit does not exist (it may have been deleted). Choose another one above.</p>
      )}
      {habit && <HabitInsights key={habit.id} habit={habit} />}
    </section>
  );
}
