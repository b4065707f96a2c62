import path from 'node:path';
import react from '@vitejs/plugin-react';
import { createServer } from 'vite';
import type { PageData } from '../shared/data-folder.ts';

/**
 * Renders the reader's first screen to HTML at build time: src/app/prerender.tsx, loaded through a
 * Vite server of its own (so that this build-time code never imports React), from `page`, the
 * data the built page carries.
 */
export async function prerenderFirstScreen(
  { root, base, cacheDir }: { root: string; base: string; cacheDir: string },
  page: PageData,
): Promise<string> {
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
    plugins: [react()],
  });
  try {
    const module = (await server.ssrLoadModule('/src/app/prerender.tsx')) as {
      renderFirstScreen: (page: PageData) => Promise<string>;
    };
    return await module.renderFirstScreen(page);
  } finally {
    await server.close();
  }
}
