import { queryOptions, type QueryClient } from '@tanstack/react-query';
import { dataPath, rankOfKey, type NewsIndex } from '../../../shared/data-folder.ts';
import { fnv1a } from '../../../shared/fnv-hash.ts';
import { urlFileOf, type UrlKeys } from '../../../shared/url-lookup.ts';
import { dataFileQuery, newsKey } from '../../../lib/data-file.ts';

/**
 * The ranks, in this build, of the articles "Hide read" hides: their source URLs looked up in the
 * data folder's URL files (`u/<n>.json`, a few small ones), as an ascending list. A URL the build
 * does not have hides nothing.
 */

/** What names a set of URLs in a request: short, whatever the number of URLs. */
export const hiddenKey = (urls: readonly string[]): string => `${urls.length}:${fnv1a(urls.join('\n'))}`;

const hiddenRanksKey = (index: NewsIndex, key: string) => [...newsKey(index), 'hidden', key] as const;

export const hiddenRanksQuery = (index: NewsIndex, urls: readonly string[]) =>
  queryOptions({
    queryKey: hiddenRanksKey(index, hiddenKey(urls)),
    staleTime: 'static',
    queryFn: async ({ client }): Promise<number[]> => {
      const files = [...new Set(urls.map((url) => urlFileOf(url, index.count.all)))];
      const lookups = await Promise.all(
        files.map((file) => client.query(dataFileQuery<UrlKeys>(index, dataPath.urlKeys(file)))),
      );
      const found = new Map(files.map((file, i) => [file, lookups[i] as UrlKeys]));
      return urls
        .flatMap((url) => found.get(urlFileOf(url, index.count.all))?.[url] ?? [])
        .map((key) => rankOfKey(key, index.count.all))
        .sort((a, b) => a - b);
    },
  });

const flagsMemo = new WeakMap<readonly number[], Uint8Array>();

/**
 * The hidden ranks a request names, as flags over the feed (made once per looked-up list: every
 * page read asks); they were looked up before the request was made. Read only.
 */
export function hiddenFlags(client: QueryClient, index: NewsIndex, key: string): Uint8Array {
  const ranks = client.getQueryData<number[]>(hiddenRanksKey(index, key));
  if (!ranks) throw new Error('The read articles to hide have not been looked up.');
  let flags = flagsMemo.get(ranks);
  if (!flags) {
    flags = new Uint8Array(index.count.all);
    for (const rank of ranks) flags[rank] = 1;
    flagsMemo.set(ranks, flags);
  }
  return flags;
}
