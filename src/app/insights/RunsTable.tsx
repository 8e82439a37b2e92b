// The training runs of one habit: when, why, how long, on how much, how well, and the verdict.
import type { TrainingRunRow } from '../../data/entities.ts';
import { TRIGGER_TEXT, duration, reasonDetail, versus, when } from './runLabels.ts';

/** Training runs, newest first, as a table that scrolls sideways on narrow screens. */
export function RunsTable({ runs }: { runs: TrainingRunRow[] }) {
  if (!runs.length)
    return (
      <p class="muted" data-testid="no-runs">
        No training runs yet.
      </p>
    );
  return (
    // A <section> with a name is a region; it takes focus so that a keyboard can scroll it
    // (axe: scrollable-region-focusable).
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a region that scrolls must be reachable by keyboard.
    <section class="table-scroll" tabIndex={0} aria-label="Training runs (scrolls sideways)">
      <table class="runs">
        <caption class="sr-only">
          Training runs, newest first. Metrics are on the last 60 days, each predicted before it was seen: lower
          log-loss and Brier are better, higher AUC is better; each shows the learned model against the simple rates.
        </caption>
        <thead>
          <tr>
            <th scope="col">When</th>
            <th scope="col">Result</th>
            <th scope="col">Trigger</th>
            <th scope="col">Took</th>
            <th scope="col">Samples</th>
            <th scope="col">Log-loss (model vs rates)</th>
            <th scope="col">Brier</th>
            <th scope="col">AUC</th>
          </tr>
        </thead>
        <tbody>
          {runs.map((r) => (
            <tr
              key={r.id ?? r.startedAt}
              data-testid="run-row"
              data-promoted={r.promoted ? 'yes' : 'no'}
              data-trigger={r.trigger}
            >
              <td>{when(r.startedAt)}</td>
              <td class="result">
                <strong class={r.promoted ? 'promoted' : 'kept'}>
                  {r.promoted ? `saved as v${r.checkpointVersion}` : 'no new version'}
                </strong>
                <span class="run-reason">{reasonDetail(r.reason)}</span>
              </td>
              <td>{TRIGGER_TEXT[r.trigger] ?? r.trigger}</td>
              <td>{duration(r.durationMs)}</td>
              <td>{r.samples}</td>
              <td>{versus(r.metrics, 'logLoss')}</td>
              <td>{versus(r.metrics, 'brier')}</td>
              <td>{versus(r.metrics, 'auc')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
