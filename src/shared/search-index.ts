import { dataPath, type NewsIndex, type SearchBase, type SearchShard } from './data-folder.ts';
import { searchShardKey } from './search-words.ts';
import { flagsFromBits, intersectFlags, rankListFlags } from './ranks.ts';
import type { Missing, Peek } from './feed-stream.ts';

/**
 * The search index, loaded on first use (this module is its own chunk): a base file saying which
 * articles are published and which shards exist, then one shard per two-letter word start.
 * Shards stay in the query cache, so each keystroke after the first two letters is computation only.
 */

const decodedBases = new Map<string, { published: Uint8Array; shards: Set<string> }>();

/** The search base, decoded once per data folder. */
function decodedBase(index: NewsIndex, raw: SearchBase) {
  let decoded = decodedBases.get(index.base);
  if (!decoded) {
    decoded = { published: flagsFromBits(raw.published, index.count.all), shards: new Set(raw.shards) };
    decodedBases.set(index.base, decoded);
  }
  return decoded;
}

/** The shards of every word starting with `initial` (one character), by the search base. */
export function shardsStarting(raw: SearchBase, initial: string): string[] {
  const prefix = `${searchShardKey(initial)}-`;
  return raw.shards.filter((key) => key.startsWith(prefix)).map((key) => dataPath.searchShard(key));
}

export type SearchFlags = { matching: Uint8Array; published: Uint8Array };

/**
 * Flags over every rank: set when the article has, for each of `words`, a word starting with it
 * (in its title, excerpt, provider or topics). Also returns the published flags. Synchronous over
 * the files at hand; names the ones it lacks (see readAll in src/shared/feed-stream.ts).
 */
export function searchFlagsNow(
  index: NewsIndex,
  words: readonly string[],
  peek: Peek<unknown>,
): SearchFlags | Missing {
  const raw = peek(dataPath.searchBase) as SearchBase | undefined;
  if (!raw) return { missing: [dataPath.searchBase] };
  const { published, shards } = decodedBase(index, raw);
  const files = [...new Set(words.map(searchShardKey))]
    .filter((key) => shards.has(key))
    .map((key) => dataPath.searchShard(key));
  const missing = files.filter((file) => peek(file) === undefined);
  if (missing.length > 0) return { missing };

  const size = index.count.all;
  let matching: Uint8Array | undefined;
  for (const word of words) {
    const key = searchShardKey(word);
    const shard = shards.has(key) ? (peek(dataPath.searchShard(key)) as SearchShard) : {};
    const postings = Object.entries(shard)
      .filter(([term]) => term.startsWith(word))
      .map(([, ranks]) => ranks);
    const flags = rankListFlags(size, postings);
    matching = matching ? intersectFlags(matching, flags) : flags;
  }
  return { matching: matching ?? new Uint8Array(size).fill(1), published };
}
