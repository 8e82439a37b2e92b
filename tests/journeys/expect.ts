/**
 * Assertions for journeys, written once over Driver.inspect: each polls until it holds or its time is up, then
 * fails with what it last saw. Like Playwright's expect, reads of one element are strict (more than one match
 * is a failure), and nothing here measures time.
 */
import { describeTarget, type Driver, type ElementInfo, type Target, type TextMatch } from './driver.ts';

/** How long an assertion waits by default (a busy 2-core machine, a worker that trains in the background). */
export const WAIT_MS = 20_000;

const sleep = (ms: number) => new Promise((ok) => setTimeout(ok, ms));

/**
 * Polls `probe` until it returns something other than undefined; fails with `what` and the last error seen.
 * An error carrying `fatal: true` ends the wait at once (an action that ran and failed must not be repeated).
 */
export async function eventually<T>(
  what: string,
  probe: () => Promise<T | undefined>,
  timeoutMs = WAIT_MS,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown = null;
  for (;;) {
    try {
      const v = await probe();
      if (v !== undefined) return v;
      lastError = null;
    } catch (error) {
      if ((error as { fatal?: boolean }).fatal) throw error;
      lastError = error;
    }
    if (Date.now() > deadline) {
      const why = lastError ? `: ${(lastError as Error).message ?? lastError}` : '';
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${why}`);
    }
    await sleep(150);
  }
}

const fits = (m: TextMatch, s: string | null, contains = false): boolean =>
  s !== null && (typeof m === 'string' ? (contains ? s.includes(m) : s === m) : m.test(s));
const show = (m: TextMatch) => (typeof m === 'string' ? JSON.stringify(m) : String(m));

/** Polling assertions about one target. */
export class Expectation {
  constructor(
    private readonly d: Driver,
    private readonly target: Target,
    private readonly timeoutMs: number,
  ) {}

  private async until(
    want: string,
    ok: (els: ElementInfo[]) => boolean,
    attributes: string[] = [],
  ): Promise<ElementInfo[]> {
    const deadline = Date.now() + this.timeoutMs;
    let last: ElementInfo[] = [];
    for (;;) {
      last = await this.d.inspect(this.target, attributes);
      if (ok(last)) return last;
      if (Date.now() > deadline) {
        const seen = last
          .slice(0, 3)
          .map((e) => `"${e.text.slice(0, 120)}"${e.visible ? '' : ' (hidden)'} ${JSON.stringify(e.attributes)}`)
          .join(', ');
        throw new Error(
          `${describeTarget(this.target)}: expected ${want} within ${this.timeoutMs} ms; found ${last.length}` +
            `${seen ? `: ${seen}` : ''}`,
        );
      }
      await sleep(150);
    }
  }

  private one(want: string, ok: (e: ElementInfo) => boolean, attributes: string[] = []): Promise<ElementInfo[]> {
    return this.until(want, (els) => els.length === 1 && ok(els[0]), attributes);
  }

  /** Exactly one match, visible. */
  async toBeVisible(): Promise<void> {
    await this.one('one visible element', (e) => e.visible);
  }

  /** No visible match. */
  async toBeHidden(): Promise<void> {
    await this.until('no visible element', (els) => els.every((e) => !e.visible));
  }

  /** This many matches (visible or not). */
  async toHaveCount(n: number): Promise<void> {
    await this.until(`${n} elements`, (els) => els.length === n);
  }

  /** Its whole text is (or matches) this. */
  async toHaveText(m: TextMatch): Promise<void> {
    await this.one(`text ${show(m)}`, (e) => fits(m, e.text));
  }

  /** Its text contains this string, or matches this RegExp. */
  async toContainText(m: TextMatch): Promise<void> {
    await this.one(`text containing ${show(m)}`, (e) => fits(m, e.text, true));
  }

  /** Its text does not contain this string (or match this RegExp). */
  async notToContainText(m: TextMatch): Promise<void> {
    await this.one(`text without ${show(m)}`, (e) => !fits(m, e.text, true));
  }

  /** The attribute is (or matches) this. */
  async toHaveAttribute(name: string, m: TextMatch): Promise<void> {
    await this.one(`${name}=${show(m)}`, (e) => fits(m, e.attributes[name]), [name]);
  }

  /** The field's value is (or matches) this. */
  async toHaveValue(m: TextMatch): Promise<void> {
    await this.one(`value ${show(m)}`, (e) => fits(m, e.value));
  }

  /** It has focus. */
  async toBeFocused(): Promise<void> {
    await this.one('focus', (e) => e.focused);
  }
}

/** Assertions about `target` that wait up to `timeoutMs`. */
export function expectThat(d: Driver, target: Target, timeoutMs = WAIT_MS): Expectation {
  return new Expectation(d, target, timeoutMs);
}

/** The text of the single match (waits for it to exist). */
export async function textOf(d: Driver, target: Target, timeoutMs = WAIT_MS): Promise<string> {
  const [e] = await eventually(
    `one ${describeTarget(target)}`,
    async () => {
      const els = await d.inspect(target);
      return els.length === 1 ? els : undefined;
    },
    timeoutMs,
  );
  return e.text;
}

/** An attribute of the single match (waits for it to exist). */
export async function attributeOf(
  d: Driver,
  target: Target,
  name: string,
  timeoutMs = WAIT_MS,
): Promise<string | null> {
  const [e] = await eventually(
    `one ${describeTarget(target)}`,
    async () => {
      const els = await d.inspect(target, [name]);
      return els.length === 1 ? els : undefined;
    },
    timeoutMs,
  );
  return e.attributes[name];
}

/** The number of matches now. */
export async function countOf(d: Driver, target: Target): Promise<number> {
  return (await d.inspect(target)).length;
}
