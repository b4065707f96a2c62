import type { QueryClient } from '@tanstack/react-query';
import {
  dataPath,
  searchShardKey,
  type NewsIndex,
  type SearchBase,
  type SearchShard,
} from '../../../shared/feed-data.ts';
import { flagsFromBits, intersectFlags, rankListFlags } from '../../../shared/ranks.ts';
import { loadDataFile } from '../../feed/api/data-files.ts';

/**
 * The search index, loaded on first use (this module is its own chunk): a base file saying which
 * articles are published and which shards exist, then one shard per two-letter word start.
 * Shards stay in the query cache, so each keystroke after the first two letters is computation only.
 */

const decodedBases = new Map<string, { published: Uint8Array; shards: Set<string> }>();

async function base(client: QueryClient, index: NewsIndex) {
  let decoded = decodedBases.get(index.base);
  if (!decoded) {
    const raw = await loadDataFile<SearchBase>(client, index.base, dataPath.searchBase);
    decoded = { published: flagsFromBits(raw.published, index.count.a), shards: new Set(raw.shards) };
    decodedBases.set(index.base, decoded);
  }
  return decoded;
}

/**
 * Flags over every rank: set when the article has, for each of `words`, a word starting with it
 * (in its title, excerpt, provider or topics). Also returns the published flags.
 */
export async function searchFlags(
  client: QueryClient,
  index: NewsIndex,
  words: readonly string[],
): Promise<{ matching: Uint8Array; published: Uint8Array }> {
  const { published, shards } = await base(client, index);
  const size = index.count.a;
  let matching: Uint8Array | undefined;
  for (const word of words) {
    const key = searchShardKey(word);
    // A shard is a data file like any other: fetched once, then read from the query cache.
    const shard = shards.has(key)
      ? await loadDataFile<SearchShard>(client, index.base, dataPath.searchShard(key))
      : {};
    const postings = Object.entries(shard)
      .filter(([term]) => term.startsWith(word))
      .map(([, ranks]) => ranks);
    const flags = rankListFlags(size, postings);
    matching = matching ? intersectFlags(matching, flags) : flags;
  }
  return { matching: matching ?? new Uint8Array(size).fill(1), published };
}
