import { CacheableResponsePlugin } from 'workbox-cacheable-response';
import { clientsClaim } from 'workbox-core';
import { ExpirationPlugin } from 'workbox-expiration';
import { cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { CacheFirst } from 'workbox-strategies';
import { piecePattern } from '../shared/pieces.ts';

declare const self: ServiceWorkerGlobalScope & { __WB_MANIFEST: { url: string; revision: string | null }[] };

/**
 * The service worker, built by vite-plugin-pwa (injectManifest) with Workbox's modules. It
 * precaches the app shell only (the page, its scripts and styles, its icons: the list the plugin
 * puts in `__WB_MANIFEST`), never the data folder or the feeds, whose size grows with the archive.
 * Data pieces are cached as they are read, cache first (a piece's name changes whenever its
 * content does). A new build waits for the reader's word: the page posts SKIP_WAITING (see
 * update-prompt.tsx); the first worker takes charge of the open page at once, so that what it
 * reads is kept.
 */
self.addEventListener('message', (event) => {
  if ((event.data as { type?: string } | null)?.type === 'SKIP_WAITING') void self.skipWaiting();
});
clientsClaim();
precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();

// Every address of the reader (its filters are in the query) is the one page.
registerRoute(
  new NavigationRoute(createHandlerBoundToURL('index.html'), { denylist: [/\/data\//, /\/feeds\//] }),
);

/** The longest a cached piece is kept, and how many are: a bound on what a device stores. */
const kept = { maxAgeSeconds: 60 * 60 * 24 * 30, maxEntries: 5000 };
registerRoute(
  ({ url }) => url.origin === self.location.origin && piecePattern.test(url.pathname),
  new CacheFirst({
    cacheName: 'news-data',
    plugins: [
      new ExpirationPlugin({ ...kept, purgeOnQuotaError: true }),
      new CacheableResponsePlugin({ statuses: [200] }),
    ],
  }),
);
