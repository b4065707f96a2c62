import type { VitePWAOptions } from 'vite-plugin-pwa';

/** The page's colours in light and dark mode (styles.css' --bg), for the browser's own chrome. */
export const themeColors = { light: '#f6f7f9', dark: '#0f1115' };

/**
 * The service worker (src/worker/sw.ts, built by vite-plugin-pwa's injectManifest with the
 * precache list of the app shell put in) and the web app manifest. A new build waits for the
 * reader's word (`registerType: 'prompt'`). The page registers the worker itself (see
 * update-prompt.tsx), and only in a production build. (generateSW wrote the same worker with
 * Babel and Terser: 2.5 s of each build, 5 s of a 1,000-article one.)
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
    strategies: 'injectManifest',
    srcDir: 'src/worker',
    filename: 'sw.ts',
    injectManifest: {
      // A classic script, as Vite's library mode writes it (the ES format asks Rolldown for an
      // option it has deprecated, and warns on every build).
      rollupFormat: 'iife',
      // The manifest is added by the plugin itself: globbed too, it would be listed twice, with two
      // revisions, and Workbox would then refuse to precache anything.
      // Not the page, which carries the archive's index (see sw.ts), nor what grows with the archive.
      globPatterns: ['**/*.{js,css,svg,png,ico}'],
      globIgnores: ['data/**', 'feeds/**', 'story/**', 'story-reader.js', 'sw.js'],
    },
  };
}
