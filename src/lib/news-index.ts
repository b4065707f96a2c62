import { queryOptions, useQueryClient, useSuspenseQuery, type QueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { indexFile, type NewsIndex, type PageData } from '../shared/data-folder.ts';
import { newsUpdateEvent } from '../shared/dev-events.ts';
import { dataFileQuery, fetchJson } from './data-file.ts';

/** Where the index is fetched: the data folder of a build, or the dev server's (see vite-plugin-news.ts). */
export const indexUrl = `${import.meta.env.BASE_URL}${import.meta.env.DEV ? '@news/' : 'data/'}${indexFile}`;

/**
 * The index: from the page's data (see page-data.ts), or fetched where the page has none
 * (a story's page, the dev server's, which fetches it again when the seeds change). Tests put
 * their own in the cache under the same key.
 */
export const newsIndexQuery = queryOptions({
  queryKey: ['news', 'index'],
  // Asked of the server each time: the one data file a deploy rewrites under the same name.
  queryFn: ({ signal }): Promise<NewsIndex> => fetchJson<NewsIndex>(indexUrl, signal, 'no-cache'),
  staleTime: Infinity,
});

/** Puts the page's index and first-screen files in the cache, as if they had been fetched. */
export function seedFromPage(client: QueryClient, { index, firstFiles }: PageData): void {
  client.setQueryData(newsIndexQuery.queryKey, index);
  for (const [file, data] of Object.entries(firstFiles)) {
    client.setQueryData(dataFileQuery(index, file).queryKey, data);
  }
}

/** The index, for what renders under IndexGate (see app.tsx), which waits until it is read. */
export function useNewsIndex(): NewsIndex {
  return useSuspenseQuery(newsIndexQuery).data;
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
