import { CacheableResponsePlugin } from 'workbox-cacheable-response';
import { clientsClaim } from 'workbox-core';
import { ExpirationPlugin } from 'workbox-expiration';
import { cleanupOutdatedCaches, precacheAndRoute } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { CacheFirst, NetworkFirst } from 'workbox-strategies';
import { fnv1a } from '../shared/fnv-hash.ts';
import { piecePattern } from '../shared/pieces.ts';

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
const manifest = self.__WB_MANIFEST;
precacheAndRoute(manifest);
cleanupOutdatedCaches();

/** The app this worker precaches, by address. */
const shell = new Set(
  manifest.map(
    (entry) => new URL(typeof entry === 'string' ? entry : entry.url, self.registration.scope).href,
  ),
);

/**
 * The reader's page (the one page of every address of the reader), kept under one key, in a
 * cache named after this worker's build: a worker never serves a page whose scripts it lacks, as a
 * newer build's page, kept by that build's waiting worker, would be to an older one.
 */
const pageCache = `news-page-${fnv1a(JSON.stringify(manifest)).toString(36)}`;
const pageKey = self.registration.scope;

/**
 * Whether `response` is the reader's page of this worker's build: HTML whose every module script
 * this worker precaches. A story's page (which loads story-reader.js), a sitemap, an icon opened
 * in a tab, or a newer build's page is not.
 */
async function isReaderPage(response: Response): Promise<boolean> {
  if (response.status !== 200 || !(response.headers.get('content-type') ?? '').includes('text/html'))
    return false;
  const html = await response.clone().text();
  const scripts = [...html.matchAll(/<script type="module"[^>]*\bsrc="([^"]+)"/g)].map(
    ([, source]) => new URL(source ?? '', self.registration.scope).href,
  );
  return scripts.length > 0 && scripts.every((script) => shell.has(script));
}

// Offline from the first visit on: the page of the build this worker came with, from the server
// itself (a host that redirects `index.html` to `/` would give a redirected answer, which a
// navigation refuses: the scope is asked for, and an answer that was redirected is copied).
self.addEventListener('install', (event) => {
  const keepPage = async () => {
    const response = await fetch(new Request(pageKey, { cache: 'reload' }));
    if (!(await isReaderPage(response))) return;
    const page = response.redirected
      ? new Response(await response.blob(), { status: 200, headers: response.headers })
      : response;
    await (await caches.open(pageCache)).put(pageKey, page);
  };
  // Without it the worker still installs: the page is kept at the next visit.
  event.waitUntil(keepPage().catch(() => undefined));
});

// The pages of the builds before this one go with their workers.
self.addEventListener('activate', (event) => {
  const stale = async () => {
    const names = await caches.keys();
    await Promise.all(
      names
        .filter((name) => name.startsWith('news-page-') && name !== pageCache)
        .map((name) => caches.delete(name)),
    );
  };
  event.waitUntil(stale());
});

// Every address of the reader (its filters are in the query) is the one page: the network's,
// as fresh as the last deploy, or after 3 s, or offline, the one kept. A story's page is the
// network's too, and never kept (it tells one story); offline, the reader's page opens it.
registerRoute(
  new NavigationRoute(
    new NetworkFirst({
      cacheName: pageCache,
      networkTimeoutSeconds: 3,
      plugins: [
        { cacheKeyWillBeUsed: () => Promise.resolve(pageKey) },
        { cacheWillUpdate: async ({ response }) => ((await isReaderPage(response)) ? response : null) },
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
