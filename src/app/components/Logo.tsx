// The app mark, inline so the header never waits for (or breaks on) an image request.

/** A small decorative Nudge mark: a check inside a rounded square. */
export function Logo({ size = 28 }: { size?: number }) {
  return (
    <svg class="logo" width={size} height={size} viewBox="0 0 32 32" aria-hidden="true" focusable="false">
      <rect x="1" y="1" width="30" height="30" rx="8" fill="currentColor" />
      <path
        d="M9 16.5l4.5 4.5L23 11"
        fill="none"
        stroke="var(--on-accent)"
        stroke-width="3.2"
        stroke-linecap="round"
        stroke-linejoin="round"
      />
    </svg>
  );
}
