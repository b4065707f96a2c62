import path from 'node:path';
import react from '@vitejs/plugin-react';
import { createServer, type Plugin } from 'vite';

/**
 * Renders the reader's first screen to HTML at build time: src/app/prerender.tsx, loaded through a
 * Vite server of its own (so that this build-time code never imports React), with `virtual:news`
 * answering `newsModule`, the same module the bundle gets.
 */
export async function prerenderFirstScreen(
  { root, base, cacheDir }: { root: string; base: string; cacheDir: string },
  newsModule: string,
): Promise<string> {
  const news: Plugin = {
    name: 'news-reader:prerender-news',
    resolveId: (id) => (id === 'virtual:news' ? '\0virtual:news' : undefined),
    load: (id) => (id === '\0virtual:news' ? newsModule : undefined),
  };
  const server = await createServer({
    configFile: false,
    root,
    base,
    // A cache of its own: a dev server running beside a build must not see its dependencies change.
    cacheDir: path.join(cacheDir, 'prerender'),
    logLevel: 'error',
    appType: 'custom',
    server: { middlewareMode: true, hmr: false, watch: null },
    optimizeDeps: { noDiscovery: true, include: [] },
    plugins: [react(), news],
  });
  try {
    const module = (await server.ssrLoadModule('/src/app/prerender.tsx')) as {
      renderFirstScreen: () => Promise<string>;
    };
    return await module.renderFirstScreen();
  } finally {
    await server.close();
  }
}
