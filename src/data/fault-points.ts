// Named fault points: places in the write paths where a test can make the code hang (so a kill of
// the page or the worker lands there for sure) or throw. Training a short history takes
// milliseconds, so a random kill would almost never land mid-write; these points make it certain.
//
// Armed only by tests: `globalThis.__nudgeFaults = { 'import:mid': 'hang' }`, in the realm that runs
// the code (the page for import/export, the trainer worker for training). Playwright arms the page
// with page.evaluate / addInitScript and the worker with Worker.evaluate on the running trainer
// worker (page.workers()): a dedicated worker is its own realm, and Playwright reaches it directly,
// so the app needs no test-only channel (no meta row to read, no URL flag to parse). In normal use
// the cost is one property read on globalThis.
/**
 * The points and why each is where it is:
 * - 'train:after-read': training has read events and checkpoints but written nothing (no
 *   transaction open): a kill here must lose no data and leave the old model active.
 * - 'train:before-commit': inside a habit's write transaction after the new checkpoint, the run and
 *   the prediction were written but before the commit: the worst moment for a half-written model.
 * - 'import:mid': inside the import's transaction after the habits were written (and, for replace,
 *   everything cleared) but before the events: a kill must leave all of the old data and none of the file.
 * - 'export:mid': the snapshot was read, the file not yet made: a kill must change nothing.
 */
export type FaultPointName = 'train:after-read' | 'train:before-commit' | 'import:mid' | 'export:mid';

/** What an armed point does: hang forever (a kill will land) or throw (the operation fails there). */
export type FaultMode = 'hang' | 'throw';

/** The test-only globals: which points are armed, and which were reached (in order). */
interface FaultGlobals {
  __nudgeFaults?: Partial<Record<FaultPointName, FaultMode>>;
  __nudgeFaultsReached?: FaultPointName[];
}

/** The error an armed 'throw' point raises. */
export class InjectedFault extends Error {
  constructor(readonly point: FaultPointName) {
    super(`injected fault at ${point}`);
    this.name = 'InjectedFault';
  }
}

/**
 * A no-op unless a test armed `name`. When armed it records that it was reached (a
 * `nudge:fault:<name>` performance mark, a console line and globalThis.__nudgeFaultsReached, so a
 * test in the page or the worker can wait for it), then throws InjectedFault or hangs forever.
 * Inside a transaction pass `keepAlive`, a cheap request of that transaction (e.g.
 * `() => db.habits.count()`): a hang keeps issuing it so the transaction stays open and
 * uncommitted. An IndexedDB transaction with no pending request commits on its own, and the kill
 * must land on an open transaction, not after the commit. (The callback, rather than Dexie's
 * current transaction, keeps Dexie out of this module: importing it early breaks hosts that
 * install IndexedDB after loading the app's modules.)
 */
export async function faultPoint(name: FaultPointName, keepAlive?: () => PromiseLike<unknown>): Promise<void> {
  const g = globalThis as FaultGlobals;
  const mode = g.__nudgeFaults?.[name];
  if (!mode) return;
  g.__nudgeFaultsReached ??= [];
  g.__nudgeFaultsReached.push(name);
  performance.mark(`nudge:fault:${name}`);
  console.info(`nudge:fault:${name}:${mode}`);
  if (mode === 'throw') throw new InjectedFault(name);
  // Called synchronously, so the request joins the caller's transaction; Dexie's then() keeps its zone.
  if (keepAlive) spin(keepAlive);
  await new Promise<never>(() => {});
}

function spin(request: () => PromiseLike<unknown>): void {
  // Stops by itself when the transaction is aborted (the kill): the request then rejects.
  request().then(
    () => spin(request),
    () => undefined,
  );
}
