// Safari's 7-day cap wipes every kind of storage of a site that is not on the home screen, our
// markers included; the address of a restored tab (or a bookmark made later) outlives it. So while
// the person has habits of their own, the page's address carries `?kept=1`, and a launch that finds
// the flag but an empty database knows the data was thrown away rather than never there.
import { liveQuery } from 'dexie';
import { getDb } from '../data/connection.ts';

const PARAM = 'kept';

/** True when this page's address says the person had data here. */
export function hadDataInUrl(): boolean {
  return new URLSearchParams(location.search).get(PARAM) === '1';
}

function setFlag(hasData: boolean): void {
  const url = new URL(location.href);
  if (hasData === (url.searchParams.get(PARAM) === '1')) return;
  if (hasData) url.searchParams.set(PARAM, '1');
  else url.searchParams.delete(PARAM);
  history.replaceState(history.state, '', url);
}

/** Keeps the address flag in step with whether the person has habits of their own (sample habits do not count). */
export function keepDataFlagInUrl(): void {
  liveQuery(() =>
    getDb()
      .habits.filter((h) => h.demo !== true)
      .count(),
  ).subscribe({
    next: (n) => setFlag(n > 0),
    error: () => {}, // only a hint: storage trouble is reported by the launch itself
  });
}
