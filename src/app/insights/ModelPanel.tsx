// The active model of one habit, one-tap rollback to the previous version, and "Train now".
import { useEffect, useState } from 'preact/hooks';
import type { CheckpointRow, PredictionRow } from '../../data/entities.ts';
import { chipPercent } from '../likelihood/likelihoodView.ts';
import { sourceWords } from '../likelihood/sourceWords.ts';
import { trainer } from '../../trainer/bridge.ts';
import { TRIGGER_TEXT, duration, when } from './runLabels.ts';

/** What the panel needs of a stored checkpoint (weights are not shown). */
export type CheckpointSummary = Pick<CheckpointRow, 'version' | 'active' | 'createdAt' | 'trigger' | 'trainedThrough'>;

/** The active checkpoint and the version a rollback would return to. */
export function rollbackTarget(cps: readonly CheckpointSummary[]): {
  active: CheckpointSummary | null;
  previous: number | null;
} {
  const active = cps.find((c) => c.active === 1) ?? null;
  if (!active) return { active: null, previous: null };
  const older = cps.filter((c) => c.version < active.version).map((c) => c.version);
  return { active, previous: older.length ? Math.max(...older) : null };
}

/** True while this tab's trainer runs anything-triggered training (Train now or the scheduler). */
function useTraining(): boolean {
  const [busy, setBusy] = useState(trainer.isTraining());
  useEffect(() => trainer.onTrainingChange(setBusy), []);
  return busy;
}

function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** Active model version, Roll back to vN and Train now, with progress and the outcome in words. */
export function ModelPanel({
  habitId,
  checkpoints,
  prediction,
}: {
  habitId: string;
  checkpoints: CheckpointSummary[];
  prediction: PredictionRow | null;
}) {
  const training = useTraining();
  const [busy, setBusy] = useState<null | 'train' | 'rollback'>(null);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const { active, previous } = rollbackTarget(checkpoints);
  useEffect(() => setMessage(null), [habitId]);

  const trainNow = async () => {
    setBusy('train');
    setMessage(null);
    try {
      const res = await trainer.train({ habitIds: [habitId], trigger: 'manual' });
      const o = res.outcomes.find((x) => x.habitId === habitId);
      if (res.status === 'busy')
        setMessage({
          text: 'Another tab or the background trainer is training right now. Try again in a moment.',
          error: false,
        });
      else if (!o)
        setMessage({
          text: res.missing.includes(habitId) ? 'This habit no longer exists.' : 'Nothing was trained.',
          error: true,
        });
      else if (o.run.promoted)
        setMessage({
          text:
            `Trained on ${o.run.samples} days in ${duration(o.run.durationMs)}: ` +
            `model v${o.activeVersion} is now active.`,
          error: false,
        });
      else
        setMessage({
          text:
            `Trained on ${o.run.samples} days in ${duration(o.run.durationMs)}; ` +
            `kept ${o.activeVersion ? `v${o.activeVersion}` : 'the current estimate'}: ${o.run.reason}`,
          error: false,
        });
    } catch (err) {
      setMessage({ text: `Training failed: ${errorText(err)}. The previous model stays active.`, error: true });
    } finally {
      setBusy(null);
    }
  };

  const rollBack = async () => {
    setBusy('rollback');
    setMessage(null);
    try {
      const res = await trainer.rollback(habitId);
      setMessage({ text: res.ok ? `Rolled back: v${res.version} is active again.` : res.reason, error: !res.ok });
    } catch (err) {
      setMessage({ text: `Rollback failed: ${errorText(err)}. Nothing changed.`, error: true });
    } finally {
      setBusy(null);
    }
  };

  return (
    <div class="model-panel">
      <p class="model-line">
        Active model:{' '}
        <strong data-testid="model-version" data-version={active?.version ?? ''}>
          {active ? `v${active.version}` : 'none yet'}
        </strong>
        {active && (
          <span class="muted">
            {' '}
            · trained through {active.trainedThrough} · {when(active.createdAt)} (
            {TRIGGER_TEXT[active.trigger] ?? active.trigger})
          </span>
        )}
        {!active && (
          <span class="muted">
            {' '}
            · The network trains once the habit has three weeks of days; until then simple rates predict.
          </span>
        )}
      </p>
      {prediction && (
        <p class="model-source" data-testid="model-source" data-source={prediction.source}>
          Today's {chipPercent(prediction.p)}%: {sourceWords(prediction)}
        </p>
      )}
      <div class="model-actions">
        <button
          type="button"
          class="btn btn-primary"
          data-testid="train-now"
          onClick={trainNow}
          disabled={busy !== null}
        >
          {busy === 'train' ? 'Training…' : 'Train now'}
        </button>
        {previous !== null && (
          <button type="button" class="btn" data-testid="rollback" onClick={rollBack} disabled={busy !== null}>
            {busy === 'rollback' ? 'Rolling back…' : `Roll back to v${previous}`}
          </button>
        )}
      </div>
      {(busy === 'train' || (training && !busy)) && (
        <p class="training-progress">
          <progress aria-label="Training" />{' '}
          {busy === 'train'
            ? 'Training in a background worker; the app stays usable.'
            : 'Training in progress (started automatically).'}
        </p>
      )}
      <p class={message?.error ? 'status error' : 'status'} role="status" aria-live="polite" data-testid="train-status">
        {message?.text ?? ''}
      </p>
    </div>
  );
}
