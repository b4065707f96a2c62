import { StrictMode } from 'react';
import { createRoot, hydrateRoot } from 'react-dom/client';
import { App } from './app.tsx';
import { prepareFirstScreen } from './first-screen.ts';
import { createQueryClient, scheduleQueryUpdatesInMicrotasks } from './query-client.ts';
import { readPageData } from '../lib/news-index.ts';

scheduleQueryUpdatesInMicrotasks();
const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
const queryClient = createQueryClient();
const firstScreen = prepareFirstScreen(queryClient, readPageData());
const app = (
  <StrictMode>
    <App queryClient={queryClient} />
  </StrictMode>
);
// A production build draws the default view's first screen into the page (see prerender.tsx),
// and the browser hydrates it from the same cache (see prepareFirstScreen);
// boot.ts removes it for an address with filters, and the dev server never draws it.
if (root.hasChildNodes()) void firstScreen.then(() => hydrateRoot(root, app));
else createRoot(root).render(app);
