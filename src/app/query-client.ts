import { QueryClient } from '@tanstack/react-query';

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      // The data is static files from our own origin: a failure is shown at once, with a retry
      // button, rather than hidden behind seconds of silent retries.
      queries: { retry: false, refetchOnWindowFocus: false },
    },
  });
}
