import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { ReaderPage } from './reader-page.tsx';
import { OfflineBanner } from '../features/offline/components/offline-banner.tsx';

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
      <ReaderPage warmUp={warmUp} />
    </QueryClientProvider>
  );
}
