// Where keyboard focus goes when the control that held it disappears and nothing better exists:
// the current screen's heading, so the next Tab continues from the screen, not the page top.

/** True when focus has fallen to the page itself, or still sits inside `gone` (about to vanish). */
export function focusLost(gone: Element | null = null): boolean {
  const active = document.activeElement;
  return !active || active === document.body || !active.isConnected || gone?.contains(active) === true;
}

/** Focuses the current screen's heading (made focusable for this), else <main>. */
export function focusScreenHeading(): void {
  // Banners above the screen have headings too: prefer the screen's own.
  const heading =
    document.querySelector<HTMLElement>('main .screen-head h2') ?? document.querySelector<HTMLElement>('main h2');
  if (heading) {
    heading.tabIndex = -1;
    heading.focus({ preventScroll: true });
  } else document.querySelector<HTMLElement>('main')?.focus({ preventScroll: true });
}
