// How a training run reads on the Insights screen: trigger, time, duration, metrics, reason. PURE.
import type { RecordMetrics, Trigger } from '../../learn/types.ts';

/** Plain words for what started a training run. */
export const TRIGGER_TEXT: Record<Trigger, string> = {
  periodicsync: 'background sync',
  charging: 'while charging',
  idle: 'while idle',
  quiet: 'quiet moment',
  visibility: 'return to the app',
  launch: 'app launch',
  manual: 'Train now',
  daychange: 'new day',
  replay: 'replay',
};

/** A run's start as local date and time ("2026-03-10 21:04"). */
export function when(t: number): string {
  const d = new Date(t);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

/** A duration for people: "85 ms", "1.4 s". */
export function duration(ms: number): string {
  if (!Number.isFinite(ms)) return '–';
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}

/** A metric value with 3 decimals, or a dash when missing. */
export function num(v: number | null | undefined): string {
  return v === null || v === undefined || !Number.isFinite(v) ? '–' : v.toFixed(3);
}

/** "0.512 vs 0.601": the learned model's score against the simple rates' on the recent days, for one metric. */
export function versus(m: RecordMetrics | null, key: 'logLoss' | 'brier' | 'auc'): string {
  if (!m) return '–';
  return `${num(m.learned[key])} vs ${num(m.base[key])}`;
}

/** A run's reason, starting with a capital. */
export function reasonDetail(reason: string): string {
  return reason.charAt(0).toUpperCase() + reason.slice(1);
}
