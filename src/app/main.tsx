import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app.tsx';
import { createQueryClient, scheduleQueryUpdatesInMicrotasks } from './query-client.ts';
import { seedFirstScreen } from '../lib/news-index.ts';
import './styles.css';

scheduleQueryUpdatesInMicrotasks();
const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
const queryClient = createQueryClient();
seedFirstScreen(queryClient);
createRoot(root).render(
  <StrictMode>
    <App queryClient={queryClient} />
  </StrictMode>,
);
