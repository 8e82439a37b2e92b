// Bootstrap: render the app with the PWA layer (service worker registration, update prompt, install hint).
import { render } from 'preact';
import { App } from './app/App.tsx';
import { UpdatePrompt } from './app/pwa/UpdatePrompt.tsx';
import { InstallHint } from './app/pwa/InstallHint.tsx';
import { setUpdateGate } from './app/pwa/updateGate.ts';
import { trainingSettled } from './autotrain/start.ts';
import { parseHash } from './app/router.ts';
import { localToday } from './learn/time.ts';
import { prefetchToday } from './app/today/prefetch.ts';
import './app/styles.css';

// Before the update prompt can exist, not when the scheduler starts: a Reload tapped early must still
// wait for training in another tab or in the service worker.
setUpdateGate(trainingSettled);
if (parseHash(location.hash).screen === 'today') prefetchToday(localToday());

render(
  <>
    <App />
    <UpdatePrompt />
    <InstallHint />
  </>,
  document.getElementById('app')!,
);
