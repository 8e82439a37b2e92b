// Bootstrap: render the app with the PWA layer (service worker registration, update prompt, install hint).
import { render } from 'preact';
import { App } from './app/App.tsx';
import { UpdatePrompt } from './app/pwa/UpdatePrompt.tsx';
import { InstallHint } from './app/pwa/InstallHint.tsx';
import './app/styles.css';

render(
  <>
    <App />
    <UpdatePrompt />
    <InstallHint />
  </>,
  document.getElementById('app')!,
);
