// The main navigation: a bottom bar on narrow screens, a row under the header on wide ones
// (the CSS decides), so the four screens are one tap away with a thumb.
import { TABS, hrefFor, type Route } from '../router.ts';

const ICONS: Record<string, string> = {
  today: 'M5 12l4 4 10-10',
  history: 'M4 5h16v15H4zM4 10h16M9 3v4M15 3v4',
  insights: 'M4 19l5-6 4 3 7-9',
  settings: 'M12 8a4 4 0 100 8 4 4 0 000-8zM12 2v3M12 19v3M2 12h3M19 12h3M5 5l2 2M17 17l2 2M5 19l2-2M17 7l2-2',
};

/** The tab bar; marks the current screen with aria-current. */
export function TabBar({ route }: { route: Route }) {
  const current = route.screen === 'habits' ? 'today' : route.screen;
  // History and Insights are per habit: switching between them keeps the habit in view.
  const habitId = route.screen === 'history' || route.screen === 'insights' ? route.habitId : null;
  const href = (screen: string, plain: string) =>
    habitId && (screen === 'history' || screen === 'insights') ? hrefFor(screen, habitId) : plain;
  return (
    <nav class="tabbar" aria-label="Main">
      <ul>
        {TABS.map((t) => (
          <li key={t.screen}>
            <a href={href(t.screen, t.href)} class="tab" aria-current={current === t.screen ? 'page' : undefined}>
              <svg width="24" height="24" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
                <path
                  d={ICONS[t.screen]}
                  fill="none"
                  stroke="currentColor"
                  stroke-width="2"
                  stroke-linecap="round"
                  stroke-linejoin="round"
                />
              </svg>
              <span>{t.label}</span>
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
