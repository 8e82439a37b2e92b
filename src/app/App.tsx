// The application shell: header, navigation, the current screen, toasts, launch notices.
import { useEffect, useRef, useState } from 'preact/hooks';
import { Insights } from './insights/Insights.tsx';
import { getDb } from '../data/repo.ts';
import { bootApp, type BootResult } from './boot.ts';
import { EvictionBanner } from './components/EvictionBanner.tsx';
import { StorageBlocked } from './faults/StorageBlocked.tsx';
import { StorageFullBanner } from './faults/StorageFullBanner.tsx';
import { Logo } from './components/Logo.tsx';
import { TabBar } from './components/TabBar.tsx';
import { ToastProvider } from './components/Toast.tsx';
import { ManageHabits } from './habits/ManageHabits.tsx';
import { History } from './history/History.tsx';
import { useRoute, type Route } from './router.ts';
import { Settings } from './settings/Settings.tsx';
import { Today } from './today/Today.tsx';

// The e2e speed test measures Today's first render from here (module evaluation of the app).
performance.mark?.('nudge:app-start');
// Open the database while the first render runs (queries would open it lazily, a frame later);
// a failure here is reported by the first query and by bootApp, so it is ignored.
getDb()
  .open()
  .catch(() => {});

function Screen({ route }: { route: Route }) {
  switch (route.screen) {
    case 'history':
      return <History habitId={route.habitId} />;
    case 'insights':
      return <Insights habitId={route.habitId} />;
    case 'settings':
      return <Settings />;
    case 'habits':
      return <ManageHabits />;
    default:
      return <Today />;
  }
}

/** The application shell. */
export function App() {
  const route = useRoute();
  const [boot, setBoot] = useState<BootResult | null>(null);
  const mainRef = useRef<HTMLElement>(null);
  const firstRoute = useRef(true);
  useEffect(() => {
    bootApp().then(setBoot);
  }, []);
  // After a tab change, move focus to the new screen so keyboard and screen-reader users land there.
  useEffect(() => {
    if (firstRoute.current) {
      firstRoute.current = false;
      return;
    }
    mainRef.current?.focus({ preventScroll: true });
    scrollTo({ top: 0 });
  }, [route.screen]);
  return (
    <ToastProvider>
      <div class="app">
        {/* biome-ignore lint/a11y/useValidAnchor: a skip link is a link to #main; the handler only keeps the
            hash router from reading it as a route. */}
        <a
          class="skip-link"
          href="#main"
          onClick={(e) => {
            // A plain #main link would change the route: move focus instead.
            e.preventDefault();
            mainRef.current?.focus();
          }}
        >
          Skip to content
        </a>
        <header class="top">
          <div class="brand">
            <Logo />
            <h1>Nudge</h1>
          </div>
        </header>
        <TabBar route={route} />
        <main id="main" ref={mainRef} tabIndex={-1}>
          {boot?.eviction === 'evicted' && <EvictionBanner />}
          <StorageFullBanner />
          {/* Storage refused: a screen that says so. A full disk leaves the app readable (the banner above); any other
              launch failure is shown plainly above a screen that may still work. */}
          {boot?.error && boot.fault?.kind !== 'quota' && boot.fault?.kind !== 'unavailable' && (
            <div class="banner banner-warn" role="alert">
              <p>Nudge could not start its storage properly, so changes may not be saved: {boot.error}</p>
            </div>
          )}
          {boot?.error && boot.fault?.kind === 'unavailable' ? (
            <StorageBlocked detail={boot.error} />
          ) : (
            <Screen route={route} />
          )}
        </main>
      </div>
    </ToastProvider>
  );
}
