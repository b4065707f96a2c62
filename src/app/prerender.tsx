import { StrictMode } from 'react';
import { renderToString } from 'react-dom/server';
import { App } from './app.tsx';
import { prepareFirstScreen } from './first-screen.ts';
import { createQueryClient } from './query-client.ts';

/**
 * The reader's first screen as HTML, rendered at build time (see src/node/prerender.ts) into
 * index.html: the first cards show before the script has run, and the browser hydrates them.
 */
export function renderFirstScreen(): string {
  const queryClient = createQueryClient();
  prepareFirstScreen(queryClient);
  const html = renderToString(
    <StrictMode>
      <App queryClient={queryClient} />
    </StrictMode>,
  );
  // React writes the preload of the first card's image where it renders; the page's head has it
  // already (see vite-plugin-news.ts), and the browser's hydration would not expect it there.
  return html.replace(/^(<link rel="preload"[^>]*\/>)+/, '');
}
