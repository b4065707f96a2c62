import { StrictMode } from 'react';
import { createRoot, hydrateRoot } from 'react-dom/client';
import { App } from './app.tsx';
import { prepareFirstScreen } from './first-screen.ts';
import { createQueryClient, scheduleQueryUpdatesInMicrotasks } from './query-client.ts';
import { pageData } from '../lib/page-data.ts';

scheduleQueryUpdatesInMicrotasks();
const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
const queryClient = createQueryClient();
const app = (
  <StrictMode>
    <App queryClient={queryClient} />
  </StrictMode>
);
// A production build draws the default view's first screen into the page (see prerender.tsx),
// and the browser hydrates it from the same data (see prepareFirstScreen); boot.ts removes it for
// an address with filters, and the dev server never draws it. Without the page's data (a story's
// page, the dev server's, or data that could not be read) the reader starts at once and fetches
// the index (see IndexGate).
void pageData().then(async (page) => {
  if (page === undefined) {
    root.replaceChildren();
    createRoot(root).render(app);
    return;
  }
  await prepareFirstScreen(queryClient, page);
  if (root.hasChildNodes()) hydrateRoot(root, app);
  else createRoot(root).render(app);
});
