/// <reference lib="webworker" />
// The service worker: precache the build, serve navigations offline, apply updates only when asked.
import { cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { shellNavigationAllowlist } from './shell-navigation.ts';
import './periodic-sync.ts';
import './notification-click.ts';

declare const self: ServiceWorkerGlobalScope;

precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();
registerRoute(
  new NavigationRoute(createHandlerBoundToURL('index.html'), {
    allowlist: shellNavigationAllowlist(new URL(self.registration.scope).pathname),
  }),
);

// The page decides when an update is safe (never mid-training) and then asks us to take over.
self.addEventListener('message', (event) => {
  if (event.data && event.data.type === 'SKIP_WAITING') void self.skipWaiting();
});
