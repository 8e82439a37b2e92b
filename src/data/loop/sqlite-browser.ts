// sql.js in the page, loaded only when a Loop database is imported. Its WebAssembly file is one of
// the app's own assets (precached by the service worker, so the import works offline); running it
// needs 'wasm-unsafe-eval' in the CSP's script-src, and nothing looser.
import wasmUrl from 'sql.js/dist/sql-wasm-browser.wasm?url';
import type { OpenSqlite } from './open.ts';

let engine: ReturnType<typeof load> | null = null;

async function load() {
  const { default: initSqlJs } = await import('sql.js');
  return initSqlJs({ locateFile: () => wasmUrl });
}

/** Opens SQLite bytes with sql.js (a copy in memory; the file is never changed). */
export const openSqliteInBrowser: OpenSqlite = async (bytes) => {
  engine ??= load();
  try {
    const SQL = await engine;
    return new SQL.Database(bytes);
  } catch (err) {
    engine = null; // a failed load (offline before the first precache) may work next time
    throw err;
  }
};
