import { StrictMode } from 'react';
import { renderToString } from 'react-dom/server';
import { App } from './app.tsx';
import { prepareFirstScreen } from './first-screen.ts';
import { createQueryClient } from './query-client.ts';
import type { PageData } from '../shared/data-folder.ts';

/**
 * The reader's first screen as HTML, rendered at build time (see src/node/prerender.ts) into
 * index.html, from the data the page carries: the first cards show before the script has run,
 * and the browser hydrates them.
 */
export async function renderFirstScreen(page: PageData): Promise<string> {
  const queryClient = createQueryClient();
  await prepareFirstScreen(queryClient, page);
  return renderToString(
    <StrictMode>
      <App queryClient={queryClient} />
    </StrictMode>,
  );
}
