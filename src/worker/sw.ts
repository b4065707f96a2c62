import { CacheableResponsePlugin } from 'workbox-cacheable-response';
import { clientsClaim } from 'workbox-core';
import { ExpirationPlugin } from 'workbox-expiration';
import { cleanupOutdatedCaches, precacheAndRoute } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { CacheFirst, NetworkFirst } from 'workbox-strategies';
import { piecePattern } from '../shared/pieces.ts';
import { storyOfPath } from '../shared/story-paths.ts';

declare const self: ServiceWorkerGlobalScope & { __WB_MANIFEST: { url: string; revision: string | null }[] };

/**
 * The service worker, built by vite-plugin-pwa (injectManifest) with Workbox's modules. It
 * precaches the app shell only (the scripts and styles, the icons: the list the plugin puts in
 * `__WB_MANIFEST`), which holds no article: a deploy that only changes articles leaves this worker
 * as it was, byte for byte, and asks no reader to reload for a new one. The page, which carries
 * the archive's index (see PageData), is read from the network first, and kept for offline. Data
 * pieces are cached as they are read, cache first (a piece's name changes whenever its content
 * does); never the feeds. A new build of the app waits for the reader's word: the page posts
 * SKIP_WAITING (see update-prompt.tsx); the first worker takes charge of the open page at once, so
 * that what it reads is kept.
 */
self.addEventListener('message', (event) => {
  if ((event.data as { type?: string } | null)?.type === 'SKIP_WAITING') void self.skipWaiting();
});
clientsClaim();
precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();

/** The reader's page, in a cache of its own: the one page of every address of the reader. */
const pageCache = 'news-page';
const pageUrl = new URL('index.html', self.registration.scope).href;

// Offline from the first visit on: the page of the build this worker came with.
self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(pageCache).then((cache) => cache.add(pageUrl)));
});

// Every address of the reader (its filters are in the query) is the one page: the network's,
// as fresh as the last deploy, or after 3 s, or offline, the last one kept. A story's page is
// the network's too, and never kept (it tells one story); offline, the reader's page opens it.
registerRoute(
  new NavigationRoute(
    new NetworkFirst({
      cacheName: pageCache,
      networkTimeoutSeconds: 3,
      plugins: [
        { cacheKeyWillBeUsed: () => Promise.resolve(pageUrl) },
        {
          cacheWillUpdate: ({ request, response }) =>
            Promise.resolve(
              response.status === 200 && storyOfPath(new URL(request.url).pathname) === '' ? response : null,
            ),
        },
      ],
    }),
    { denylist: [/\/data\//, /\/feeds\//] },
  ),
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
