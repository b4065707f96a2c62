import { notifyManager, QueryClient } from '@tanstack/react-query';

/**
 * Query results reach components in a microtask rather than the default `setTimeout(0)`: a read
 * answered from cached data files (a topic or a search seen before, or prefetched) then shows in
 * the same task as the click or keystroke, not one timer (4 ms or more) later. Global to the page,
 * so it is called once, at startup.
 */
export function scheduleQueryUpdatesInMicrotasks(): void {
  notifyManager.setScheduler(queueMicrotask);
}

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      // The data is static files from our own origin: a failure is shown at once, with a retry
      // button, rather than hidden behind seconds of silent retries.
      // Offline, a request still goes out: the service worker answers it from what it has kept.
      queries: { retry: false, refetchOnWindowFocus: false, networkMode: 'offlineFirst' },
      mutations: { networkMode: 'offlineFirst' },
    },
  });
}
