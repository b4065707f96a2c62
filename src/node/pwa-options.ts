import type { VitePWAOptions } from 'vite-plugin-pwa';

/** The page's colours in light and dark mode (styles.css' --bg), for the browser's own chrome. */
export const themeColors = { light: '#f6f7f9', dark: '#0f1115' };

/**
 * The data folder's pieces, whatever the base: `data/<path>.<hash>.json`, the hash being 10
 * base64url characters (see pieces.ts). Workbox matches it against a same-origin URL anywhere in it.
 */
export const dataFilePattern = /\/data\/[\w/-]+\.[\w-]{10}\.json$/;

/** The longest a cached data file is kept, and how many are: a bound on what a device stores. */
const dataCache = { maxAgeSeconds: 60 * 60 * 24 * 30, maxEntries: 5000 };

/**
 * The service worker (vite-plugin-pwa's generateSW, which writes a Workbox worker) and the web
 * app manifest. The worker precaches the app shell only: the page, its scripts and styles, its
 * icons; never the data folder or the feeds, whose size grows with the archive. Data files are
 * cached as they are read, cache first (a piece's name changes whenever its content does),
 * and a new build waits for the reader's word (`registerType: 'prompt'`). The page registers the
 * worker itself (see update-prompt.tsx), and only in a production build.
 */
export function pwaOptions(): Partial<VitePWAOptions> {
  return {
    registerType: 'prompt',
    injectRegister: false,
    manifest: {
      name: 'News reader',
      short_name: 'News',
      description: 'A fast, filterable feed of news articles with related coverage.',
      lang: 'en',
      display: 'standalone',
      start_url: '.',
      scope: '.',
      theme_color: themeColors.light,
      background_color: themeColors.light,
    },
    // The icons, each size from public/favicon.svg, by @vite-pwa/assets-generator at build time.
    pwaAssets: {
      image: 'public/favicon.svg',
      preset: 'minimal-2023',
      overrideManifestIcons: true,
      injectThemeColor: false,
    },
    workbox: {
      // The manifest is added by the plugin itself: globbed too, it would be listed twice, with two
      // revisions, and Workbox would then refuse to precache anything.
      globPatterns: ['**/*.{html,js,css,svg,png,ico}'],
      // The first worker takes charge of the open page at once, so that what it reads is kept.
      clientsClaim: true,
      globIgnores: ['data/**', 'feeds/**'],
      // Every address of the reader (its filters are in the query) is the one page.
      navigateFallback: 'index.html',
      navigateFallbackDenylist: [/\/data\//, /\/feeds\//],
      runtimeCaching: [
        {
          urlPattern: dataFilePattern,
          handler: 'CacheFirst',
          options: {
            cacheName: 'news-data',
            expiration: { ...dataCache, purgeOnQuotaError: true },
            cacheableResponse: { statuses: [200] },
          },
        },
      ],
    },
  };
}
