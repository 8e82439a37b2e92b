/** The application shell: header, the Today screen. */
export function App() {
  return (
    <main class="shell">
      <header class="top"><h1>Nudge</h1></header>
      <section aria-labelledby="today-h"><h2 id="today-h">Today</h2><p>No habits yet.</p></section>
    </main>
  );
}
