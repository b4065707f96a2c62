import { QueryClient } from '@tanstack/react-query';

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      // One automatic retry hides a blip; after that the reader sees the error and a retry button.
      queries: { retry: 1, refetchOnWindowFocus: false },
    },
  });
}
