// Where the shown probability came from: a prior while the history is too short to judge anything; the
// network when it holds most of the weight; otherwise the simple predictors' mixture.
import type { LearnConfig } from '../config.ts';
import type { PredictionSource } from '../types.ts';
import type { ContextState } from './context.ts';

/** The source of a day's shown probability, given the network's share of the weight behind it. */
export function sourceOf(networkShare: number, context: ContextState, cfg: LearnConfig): PredictionSource {
  return context.days < cfg.shown.coldStartDays ? 'prior' : networkShare >= 0.5 ? 'model' : 'baseline';
}
