import { queryOptions, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { devIndexUrl, firstFiles, index } from 'virtual:news';
import type { NewsIndex } from '../shared/data-folder.ts';
import { newsUpdateEvent } from '../shared/dev-events.ts';
import { dataFileQuery, fetchJson } from './data-file.ts';

/**
 * The index ships inside the bundle; only the dev server fetches it again, when the seeds change.
 * Tests put their own in the cache under the same key.
 */
export const newsIndexQuery = queryOptions({
  queryKey: ['news', 'index'],
  queryFn: ({ signal }): Promise<NewsIndex> =>
    devIndexUrl ? fetchJson<NewsIndex>(devIndexUrl, signal) : Promise.resolve(index),
  initialData: index,
  staleTime: Infinity,
});

/** Puts the data files bundled for the first screen in the cache, as if they had been fetched. */
export function seedFirstScreen(client: QueryClient): void {
  for (const [file, data] of Object.entries(firstFiles)) {
    client.setQueryData(dataFileQuery(index, file).queryKey, data);
  }
}

export function useNewsIndex(): NewsIndex {
  return useQuery(newsIndexQuery).data;
}

/** In the dev server, fetch the index again whenever a seed file changes. */
export function useLiveSeeds(): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    const hot = import.meta.hot;
    if (!hot) return;
    let active = true;
    hot.on(newsUpdateEvent, () => {
      if (active) void queryClient.invalidateQueries({ queryKey: newsIndexQuery.queryKey });
    });
    // Vite's hot.off is missing from Vitest's stand-in, so unsubscribing is done with a flag.
    return () => {
      active = false;
    };
  }, [queryClient]);
}
