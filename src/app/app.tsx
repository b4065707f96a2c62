import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { FeedPage } from '../features/feed/components/feed-page.tsx';

type AppProps = { queryClient: QueryClient };

export function App({ queryClient }: AppProps) {
  return (
    <QueryClientProvider client={queryClient}>
      <a className="skip-link" href="#main">
        Skip to articles
      </a>
      <header className="masthead">
        <h1>News reader</h1>
        <p className="tagline">Every story, with its related coverage, linked to the source.</p>
      </header>
      <FeedPage />
    </QueryClientProvider>
  );
}
