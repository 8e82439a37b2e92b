/**
 * The update gate: applying a new app version waits until it is safe (never mid-training).
 *
 *   setUpdateGate(() => trainingIdle())   // the training bridge: resolve when no training runs
 *   await waitForUpdateGate()             // the update prompt, before it asks the new worker to take over
 */
type Gate = () => Promise<void>;

let gate: Gate | null = null;

/** Installs (or with null removes) the function whose promise resolves when swapping versions is safe. */
export function setUpdateGate(fn: Gate | null): void {
  gate = fn;
}

/** Resolves once the gate allows an update (at once without a gate). A failing gate does not block updates forever. */
export async function waitForUpdateGate(): Promise<void> {
  if (!gate) return;
  try {
    await gate();
  } catch (error) {
    // The gate's job is to wait, not to veto: a crashed training run must not pin an old version.
    console.warn('nudge: update gate failed, updating anyway', error);
  }
}
