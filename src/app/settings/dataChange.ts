// Sections of Settings that change the stored data (import, delete all) tell the others, so
// figures read once on arrival (space used) and notes about the old data (rows a backup left
// out) do not outlive the data they describe.

/** The latest change made from Settings: `n` counts changes; `wiped` when the old data is gone. */
export interface DataChange {
  n: number;
  wiped: boolean;
}

/** No change yet. */
export const NO_CHANGE: DataChange = { n: 0, wiped: false };

/** The next change after `prev`. */
export function nextChange(prev: DataChange, wiped: boolean): DataChange {
  return { n: prev.n + 1, wiped };
}
