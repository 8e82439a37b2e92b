/**
 * Reading the app's database the way no app code does: raw IndexedDB in the page, for assertions by both the
 * Playwright specs and the journeys.
 */

/** The app's stores that tests read. */
export type StoreName = 'habits' | 'events' | 'trainingRuns' | 'predictions' | 'checkpoints';

/**
 * Runs IN THE PAGE (serialised; no closures): every row of one store of the 'nudge' database. Checkpoints come
 * summarised (id, habit, version, active, and the weights as one fingerprint string), since typed arrays do not
 * cross into Node.
 */
export function pageStoreRows(name: StoreName): Promise<Record<string, unknown>[]> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open('nudge');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      if (!db.objectStoreNames.contains(name)) {
        db.close();
        resolve([]);
        return;
      }
      const req = db.transaction(name, 'readonly').objectStore(name).getAll();
      req.onsuccess = () => {
        db.close();
        const rows = req.result as Record<string, unknown>[];
        resolve(
          rows.map((r) =>
            name === 'checkpoints'
              ? {
                  id: r.id,
                  habitId: r.habitId,
                  version: r.version,
                  active: r.active,
                  fingerprint: (r.weights as Float32Array[]).map((w) => Array.from(w).join(',')).join('|'),
                }
              : r,
          ),
        );
      };
      req.onerror = () => reject(req.error);
    };
  });
}
