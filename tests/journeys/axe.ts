/**
 * axe-core for both drivers: its browser build is injected into the page through the driver (no CDN, no
 * Playwright integration), then run in the page.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AxeFinding } from './driver.ts';

const require = createRequire(import.meta.url);
let source: string | null = null;

/** axe-core's browser build: defines window.axe when run in a page. */
export function axeSource(): string {
  source ??= readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  return source;
}

/** Runs IN THE PAGE (serialised): axe over the document for these tags; null when axe is not injected. */
export async function pageRunAxe(tags: string[]): Promise<AxeFinding[] | null> {
  type Axe = {
    run(
      ctx: Document,
      o: object,
    ): Promise<{ violations: { id: string; impact?: string; help: string; nodes: { target: unknown[] }[] }[] }>;
  };
  const axe = (window as unknown as { axe?: Axe }).axe;
  if (!axe) return null;
  const result = await axe.run(document, { runOnly: { type: 'tag', values: tags } });
  return result.violations.map((v) => ({
    id: v.id,
    impact: v.impact ?? null,
    help: v.help,
    targets: v.nodes.slice(0, 3).map((n) => n.target.join(' ')),
  }));
}
