import { queryOptions, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { articlesUrl } from 'virtual:news';
import type { Article } from '../../../shared/article-schema.ts';
import { newsUpdateEvent } from '../../../shared/dev-events.ts';

export async function fetchArticles(signal?: AbortSignal): Promise<Article[]> {
  const response = await fetch(articlesUrl, { signal });
  if (!response.ok) {
    throw new Error(
      `The server answered ${response.status}${response.statusText ? ` ${response.statusText}` : ''}.`,
    );
  }
  return (await response.json()) as Article[];
}

export const articlesQueryOptions = () =>
  queryOptions({
    queryKey: ['news', 'articles'],
    queryFn: ({ signal }) => fetchArticles(signal),
    // The data is fixed for the life of a build; the dev server says when it changes.
    staleTime: Infinity,
  });

export function useArticles() {
  return useQuery(articlesQueryOptions());
}

/** In the dev server, refetch the articles whenever a seed file changes. */
export function useLiveSeeds(): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    const hot = import.meta.hot;
    if (!hot) return;
    let active = true;
    hot.on(newsUpdateEvent, () => {
      if (active) void queryClient.invalidateQueries({ queryKey: articlesQueryOptions().queryKey });
    });
    // Vite's hot.off is missing from Vitest's stand-in, so unsubscribing is done with a flag.
    return () => {
      active = false;
    };
  }, [queryClient]);
}
