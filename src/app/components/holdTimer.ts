// A countdown that stands still while something holds it, so a message with a button does not
// vanish while someone is reading it or about to press it (WCAG 2.2.1, Timing Adjustable).

/** Why the countdown is held: the pointer rests on it, or keyboard focus is inside it. */
export type HoldReason = 'pointer' | 'focus';

/** A restartable countdown that pauses while any hold is set. */
export class HoldTimer {
  private holds = new Set<HoldReason>();
  private left = 0;
  private live = false;
  private startedAt = 0;
  private handle: ReturnType<typeof setTimeout> | null = null;

  constructor(private readonly onEnd: () => void) {}

  /** Starts a fresh countdown of `ms`; `holds` are the ones already true (e.g. the pointer is still over it). */
  start(ms: number, holds: readonly HoldReason[] = []): void {
    this.halt();
    this.holds = new Set(holds);
    this.left = ms;
    this.live = true;
    this.run();
  }

  /** Pauses the countdown for `reason`. */
  hold(reason: HoldReason): void {
    this.holds.add(reason);
    this.halt();
  }

  /** Lifts `reason`; the countdown goes on with the time it had left once nothing holds it. */
  release(reason: HoldReason): void {
    this.holds.delete(reason);
    this.run();
  }

  /** Stops for good (the message is gone): no end call, no holds left behind. */
  cancel(): void {
    this.halt();
    this.live = false;
    this.holds.clear();
  }

  private run(): void {
    if (!this.live || this.handle !== null || this.holds.size > 0) return;
    this.startedAt = Date.now();
    this.handle = setTimeout(
      () => {
        this.handle = null;
        this.live = false;
        this.onEnd();
      },
      Math.max(0, this.left),
    );
  }

  private halt(): void {
    if (this.handle === null) return;
    clearTimeout(this.handle);
    this.handle = null;
    this.left -= Date.now() - this.startedAt;
  }
}
