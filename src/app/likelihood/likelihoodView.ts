// What the likelihood chip says for a stored prediction. PURE, so the wording is tested.
import type { PredictionRow } from '../../data/entities.ts';
import type { Reason } from '../../learn/types.ts';
import { reminderDecision } from '../../learn/predict/remind.ts';
import type { TodayState } from '../../remind/decide.ts';
import { sourceWords } from './sourceWords.ts';

/** The chip's look: at risk (and still open), likely, neutral, done/skipped, or no number. */
export type ChipTone = 'risk' | 'likely' | 'neutral' | 'settled' | 'none';

/** The chip's label, its one-line "why", and its tone. */
export interface LikelihoodView {
  label: string;
  why: string;
  tone: ChipTone;
  pct: number | null;
}

/** Percent for people: never "100%" or "0%", which a model cannot know. */
export function chipPercent(p: number): number {
  return Math.min(99, Math.max(1, Math.round(p * 100)));
}

/** The top reasons in plain words, strongest first ("3-day streak; done yesterday"). */
export function reasonsLine(reasons: readonly Reason[], max = 3): string {
  return [...reasons]
    .filter((r) => r.text)
    .sort((a, b) => Math.abs(b.effect) - Math.abs(a.effect))
    .slice(0, max)
    .map((r) => r.text)
    .join('; ');
}

function signedReasons(reasons: readonly Reason[]): string {
  const top = [...reasons]
    .filter((r) => r.text)
    .sort((a, b) => Math.abs(b.effect) - Math.abs(a.effect))
    .slice(0, 3);
  const up = top.filter((r) => r.effect > 0).map((r) => r.text);
  const down = top.filter((r) => r.effect < 0).map((r) => r.text);
  const parts: string[] = [];
  if (up.length) parts.push(`Raised by: ${up.join('; ')}.`);
  if (down.length) parts.push(`Lowered by: ${down.join('; ')}.`);
  return parts.join(' ') || 'No single habit signal stood out today.';
}

/** Describes the prediction of `today` (or its absence) for a habit in state `state`. */
export function likelihoodView(
  pred: PredictionRow | null | undefined,
  today: string,
  state: TodayState | null,
): LikelihoodView {
  if (!pred || !Number.isFinite(pred.p)) {
    return {
      label: 'no estimate yet',
      why: "Nudge estimates today's chances once it has a little history and has trained on it.",
      tone: 'none',
      pct: null,
    };
  }
  const pct = chipPercent(pred.p);
  if (pred.day !== today) {
    return {
      label: 'updating…',
      why: `The last estimate is from ${pred.day} (${pct}%); today's is computed when Nudge next runs its model.`,
      tone: 'none',
      pct: null,
    };
  }
  const decision = reminderDecision(pred.p, pred.source);
  const tone: ChipTone = state
    ? 'settled'
    : decision === 'at-risk'
      ? 'risk'
      : decision === 'suppressed'
        ? 'likely'
        : 'neutral';
  const risk = !state && decision === 'at-risk' ? ' At risk today, so Nudge reminds you.' : '';
  const why = `${sourceWords(pred)} ${signedReasons(pred.reasons)}${risk}`;
  return { label: `${pct}% likely today`, why, tone, pct };
}
