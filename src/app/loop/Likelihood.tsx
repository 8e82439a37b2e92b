/** Today's probability for one habit as a chip ("87% likely today"); filled in below. */
export function Likelihood({ habitId }: { habitId: string }) {
  return <span class="likelihood" data-testid={`likelihood-${habitId}`}>…</span>;
}
