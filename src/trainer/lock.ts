// One trainer at a time across tabs, their workers and the service worker: a Web Lock named
// 'nudge-train'. Runs in the page, a dedicated worker and the service worker alike (only
// `navigator.locks`, which all three have), so it sticks to what both DOM and WebWorker libs type.

/** The lock every trainer takes; the update gate waits on it too. */
export const TRAIN_LOCK = 'nudge-train';

/** What a locked run came to: it ran (with or without a lock manager), or another holder had it. */
export type LockOutcome<T> = { status: 'ran'; value: T; locked: boolean } | { status: 'busy' };

function lockManager(given?: LockManager | null): LockManager | null {
  if (given !== undefined) return given;
  const nav = (globalThis as { navigator?: { locks?: LockManager } }).navigator;
  return nav?.locks ?? null;
}

/**
 * Runs `fn` holding the training lock. With `wait: false` (the default) a second trainer does not
 * queue behind the first: it gets 'busy' at once, so two tabs never train the same habit twice.
 * Where Web Locks are missing (very old engines) it runs unlocked; the checkpoint write still
 * checks that the active version did not change underneath it.
 */
export async function withTrainLock<T>(
  fn: () => Promise<T>,
  opts: { wait?: boolean; locks?: LockManager | null } = {},
): Promise<LockOutcome<T>> {
  const locks = lockManager(opts.locks);
  if (!locks) return { status: 'ran', value: await fn(), locked: false };
  let outcome: LockOutcome<T> = { status: 'busy' };
  await locks.request(TRAIN_LOCK, { mode: 'exclusive', ifAvailable: !opts.wait }, async (lock) => {
    if (!lock) return;
    outcome = { status: 'ran', value: await fn(), locked: true };
  });
  return outcome;
}

/** True when some context (any tab, worker or the service worker) holds the training lock now. */
export async function trainLockHeld(locks?: LockManager | null): Promise<boolean> {
  const lm = lockManager(locks);
  if (!lm) return false;
  const snapshot = await lm.query();
  return (snapshot.held ?? []).some((l) => l.name === TRAIN_LOCK);
}

/** Resolves once no one holds the training lock (or after `maxMs`, so an update is never stuck). */
export async function whenTrainLockFree(maxMs = 120_000, locks?: LockManager | null): Promise<void> {
  const lm = lockManager(locks);
  if (!lm) return;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), maxMs);
  try {
    // Taking the lock in shared mode waits for the exclusive trainer and lets the next one in at once.
    await lm.request(TRAIN_LOCK, { mode: 'shared', signal: controller.signal }, async () => undefined);
  } catch {
    // Aborted by the cap: carry on rather than hold an update back forever.
  } finally {
    clearTimeout(timer);
  }
}
