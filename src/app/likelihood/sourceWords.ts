// What today's probability is built from, in one plain sentence for people: the chip's "why" and the Insights
// model card both say it. PURE, so the wording is tested.
import type { PredictionRow } from '../../data/entities.ts';

/** "12 Mar" for a day 'YYYY-MM-DD' (English month, no year: the rhythm started within the last year or so). */
function shortDay(day: string): string {
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  return `${Number(day.slice(8, 10))} ${months[Number(day.slice(5, 7)) - 1]}`;
}

function weeksOf(days: number): string {
  const weeks = Math.max(1, Math.round(days / 7));
  return weeks === 1 ? 'week' : `${weeks} weeks`;
}

/** The sentence saying what predicts today: learned from the last weeks, simple rates, or too little history. */
export function sourceWords(pred: Pick<PredictionRow, 'source' | 'basis'>): string {
  const b = pred.basis;
  if (pred.source === 'prior') {
    const days = b ? b.labelledDays : null;
    return days === null
      ? 'Too little history yet: this is your usual rate so far.'
      : `Too little history yet (${days} day${days === 1 ? '' : 's'}): this is your usual rate so far.`;
  }
  if (pred.source === 'model') {
    return b?.networkDays
      ? `Learned from your last ${weeksOf(b.networkDays)} by Nudge's network on this device.`
      : "Learned by Nudge's network on this device from your history.";
  }
  const since = b?.rhythmSince ? `, your weekly rhythm since ${shortDay(b.rhythmSince)}` : '';
  const net = b?.networkDays ? ' The network is still learning and does not predict better yet.' : '';
  return `From your simple rates: the last weeks${since}, and days like yesterday.${net}`;
}
