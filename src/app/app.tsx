import { QueryClientProvider, useQuery, type QueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { ReaderPage } from './reader-page.tsx';
import { LoadError } from '../features/feed/components/load-error.tsx';
import { OfflineBanner } from '../features/offline/components/offline-banner.tsx';
import { newsIndexQuery } from '../lib/news-index.ts';

type AppProps = {
  queryClient: QueryClient;
  /** Fetch likely next views ahead once the first screen is up; on unless a test turns it off. */
  warmUp?: boolean;
};

export function App({ queryClient, warmUp = true }: AppProps) {
  return (
    <QueryClientProvider client={queryClient}>
      <a className="skip-link" href="#main">
        Skip to articles
      </a>
      <header className="masthead">
        <h1>News reader</h1>
        <p className="tagline">Every story, with its related coverage, linked to the source.</p>
      </header>
      <OfflineBanner />
      <IndexGate>
        <ReaderPage warmUp={warmUp} />
      </IndexGate>
    </QueryClientProvider>
  );
}

/**
 * Renders the reader once the index is read: at once from a build's page, which carries it;
 * fetched on a story's page and in the dev server (see newsIndexQuery), saying so meanwhile, and
 * what went wrong, with a retry, if it fails.
 */
function IndexGate({ children }: { children: ReactNode }) {
  const index = useQuery(newsIndexQuery);
  if (index.data !== undefined) return children;
  if (index.isError) {
    return (
      <main id="main">
        <LoadError error={index.error} retrying={index.isFetching} onRetry={() => void index.refetch()} />
      </main>
    );
  }
  return (
    <main id="main">
      <p role="status">Loading the archive…</p>
    </main>
  );
}
