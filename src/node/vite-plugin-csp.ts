import type { Plugin } from 'vite';

/** The only host the reader frames: its own click-to-load YouTube embeds. */
export const videoOrigin = 'https://www.youtube-nocookie.com';

export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  // Styles from the page itself: the prerendered first screen carries React's style attributes
  // (where each virtualised card sits, each outlet's colour). Scripts stay 'self' alone.
  "style-src 'self' 'unsafe-inline'",
  // Article images and provider logos come from anywhere on the web, over http(s) only.
  "img-src 'self' https: http:",
  `frame-src ${videoOrigin}`,
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/**
 * Adds the Content-Security-Policy to the production page as a <meta> tag, so it holds wherever
 * `dist/` is served. The dev server is left alone: React Refresh needs an inline script there.
 */
export function cspPlugin(): Plugin {
  return {
    name: 'news-reader:csp',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler: () => [
        {
          tag: 'meta',
          attrs: { 'http-equiv': 'Content-Security-Policy', content: contentSecurityPolicy },
          injectTo: 'head-prepend',
        },
      ],
    },
  };
}
