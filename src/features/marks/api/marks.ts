import { queryOptions, useQuery, useQueryClient } from '@tanstack/react-query';
import { clear, createStore, delMany, entries, setMany, type UseStore } from 'idb-keyval';
import { useMemo } from 'react';
import { mergeMarks, type Mark } from '../utils/reading-marks.ts';

/**
 * The reader's marks (read, saved), kept in IndexedDB through idb-keyval (a maintained 600-byte
 * wrapper: one store, promises) and held in memory by react-query, loaded once with the page.
 * Every change is written to both: the cache at once, so the page answers in the same render.
 */

export type Marks = ReadonlyMap<string, Mark>;

let store: UseStore | undefined;
const marksStore = () => (store ??= createStore('news-reader', 'marks'));

export const marksQuery = queryOptions({
  queryKey: ['marks'],
  queryFn: async (): Promise<Marks> => new Map(await entries<string, Mark>(marksStore())),
  staleTime: Infinity,
});

const none: Marks = new Map();

/** Every mark, by URL; none until they have loaded (or when the browser keeps no storage). */
export function useMarks(): Marks {
  return useQuery(marksQuery).data ?? none;
}

/** Whether the stored marks have loaded (or failed to: none are kept then). */
export function useMarksLoaded(): boolean {
  const query = useQuery(marksQuery);
  return query.isSuccess || query.isError;
}

/** A URL's new mark, from its mark before (undefined: none, or forget it). */
type MarkChange = (mark: Mark | undefined, url: string) => Mark | undefined;

/** Changes the marks of `urls`. */
export function useChangeMarks(): (urls: readonly string[], change: MarkChange) => void {
  const client = useQueryClient();
  return useMemo(() => {
    const apply = (urls: readonly string[], change: MarkChange) => {
      const before = client.getQueryData(marksQuery.queryKey) ?? none;
      const after = new Map(before);
      const kept: [string, Mark][] = [];
      const gone: string[] = [];
      for (const url of new Set(urls)) {
        const next = change(before.get(url), url);
        if (!next || (next.readAt === undefined && next.saved === undefined)) {
          after.delete(url);
          gone.push(url);
        } else {
          after.set(url, next);
          kept.push([url, next]);
        }
      }
      client.setQueryData(marksQuery.queryKey, after);
      // Written behind the page; a failure (storage refused) leaves the marks for this visit only.
      Promise.all([setMany(kept, marksStore()), delMany(gone, marksStore())]).catch(() => undefined);
    };
    return (urls, change) => {
      // Before the stored marks have loaded, a change waits for them rather than be overwritten.
      if (client.getQueryData(marksQuery.queryKey)) apply(urls, change);
      else
        client.query(marksQuery).then(
          () => apply(urls, change),
          () => apply(urls, change),
        );
    };
  }, [client]);
}

/** Adds the marks of an imported file to those kept (read when either says so, saved when either does). */
export function useImportMarks(): (marks: readonly Mark[]) => void {
  const change = useChangeMarks();
  return (marks) => {
    const byUrl = new Map(marks.map((mark) => [mark.url, mark]));
    change([...byUrl.keys()], (before, url) => mergeMarks(before, byUrl.get(url) as Mark));
  };
}

/** Forgets every mark (tests start from nothing). */
export const clearMarks = (): Promise<void> => clear(marksStore());
