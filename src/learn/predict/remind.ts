// The reminder rule, the last stage of the prediction: what today's probability means for reminding. The
// thresholds mean what they say because the probability is calibrated (docs/quality.md measures it).
import type { PredictionSource } from '../types.ts';

/** Below this probability a habit is at risk and gets reminded. */
export const AT_RISK_BELOW = 0.4;
/** Above this probability the reminder is suppressed: the person will likely do it anyway. */
export const SUPPRESS_ABOVE = 0.8;

/** What a probability means for reminding. */
export type ReminderDecision = 'at-risk' | 'neutral' | 'suppressed';

/**
 * Maps a probability to a reminder decision. A missing or non-finite p is 'neutral' (no opinion).
 * A cold-start prior never suppresses: a few lucky days must not silence the reminders the person
 * asked for; it can still mark the habit at risk.
 */
export function reminderDecision(p: number | null, source: PredictionSource | null): ReminderDecision {
  if (p === null || !Number.isFinite(p)) return 'neutral';
  if (p < AT_RISK_BELOW) return 'at-risk';
  if (p > SUPPRESS_ABOVE && source !== 'prior') return 'suppressed';
  return 'neutral';
}
