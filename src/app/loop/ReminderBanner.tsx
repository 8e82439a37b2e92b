/** In-app banner listing habits at risk today. */
export function ReminderBanner() {
  return null;
}
