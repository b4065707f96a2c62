import { queryOptions } from '@tanstack/react-query';
import {
  dataPath,
  type DayKeys,
  type NewsIndex,
  type ProviderKeys,
  type SearchBase,
  type SearchShard,
} from '../../../shared/data-folder.ts';
import { flagsFromBits, type KeyList } from '../../../shared/ranks.ts';
import { searchShardKey } from '../../../shared/search-words.ts';
import { dataFileKey, dataFileQuery, fetchDataFile } from '../../../lib/data-file.ts';

/**
 * The search index's files: a base saying which articles are published and which shards exist,
 * one shard per two-letter word start, the newest articles' words in a tail, and the files of the
 * operators (`type:`, `provider:`, the dates). Shards stay in the cache, so each keystroke after
 * the first two letters is computation only.
 */

/**
 * The search base as a search uses it, decoded once when it arrives: the published flags over
 * every rank, and the shards that exist. The archive's size is in the key (see storiesQuery).
 */
export const searchBaseQuery = (index: NewsIndex) =>
  queryOptions({
    queryKey: [...dataFileKey(index, dataPath.searchBase), index.count.all],
    queryFn: async ({ client, signal }) => {
      const raw = await fetchDataFile<SearchBase>(client, index, dataPath.searchBase, signal);
      return { published: flagsFromBits(raw.published, index.count.all), shards: new Set(raw.shards) };
    },
    staleTime: 'static',
  });

export const searchTailQuery = (index: NewsIndex) => dataFileQuery<SearchShard>(index, dataPath.searchTail);

export const searchShardQuery = (index: NewsIndex, key: string) =>
  dataFileQuery<SearchShard>(index, dataPath.searchShard(key));

/** The shards of every word starting with `initial` (one character), by the search base. */
export function shardsStarting(shards: ReadonlySet<string>, initial: string): string[] {
  const prefix = `${searchShardKey(initial)}-`;
  return [...shards].filter((key) => key.startsWith(prefix));
}

export const typesQuery = (index: NewsIndex) => dataFileQuery<Record<string, KeyList>>(index, dataPath.types);
export const providersQuery = (index: NewsIndex) => dataFileQuery<ProviderKeys>(index, dataPath.providers);
export const daysQuery = (index: NewsIndex) => dataFileQuery<DayKeys>(index, dataPath.days);
