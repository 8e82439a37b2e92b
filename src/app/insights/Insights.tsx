/** Insights screen for one habit (route #/insights/<habitId>); null shows the habit picker. */
export function Insights({ habitId }: { habitId: string | null }) {
  return <section class="insights" aria-labelledby="insights-h"><h2 id="insights-h">Insights</h2>{habitId}</section>;
}
