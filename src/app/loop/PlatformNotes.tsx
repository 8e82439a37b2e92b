/** Settings section: what this device can and cannot do for reminders and background training. */
export function PlatformNotes() {
  return <section class="platform-notes" aria-label="What this device can do"></section>;
}
