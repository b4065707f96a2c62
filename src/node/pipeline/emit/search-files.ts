import type { Article } from '../../../shared/article-schema.ts';
import {
  dataPath,
  encodeBitSet,
  encodeRankList,
  searchShardKey,
  searchWords,
  type SearchBase,
  type SearchShard,
} from '../../../shared/feed-data.ts';
import type { DataFile } from './data-file.ts';

/** The words an article is found by: those of its title, excerpt, provider and topics. */
export function indexedWords(
  article: Pick<Article, 'title' | 'excerpt' | 'provider' | 'topics'>,
): Set<string> {
  const text = [article.title, article.excerpt ?? '', article.provider?.name ?? '', ...article.topics];
  return new Set(searchWords(text.join(' ')));
}

/**
 * The search index: for every word, the ranks of the articles it is found in, split into shards
 * by the word's first two characters (`s/<key>.json`, each read when a search needs it), and
 * `s/base.json`: which ranks are published, and which shards exist.
 */
export function searchFiles(articles: readonly Article[]): DataFile[] {
  const shards = new Map<string, Map<string, number[]>>();
  articles.forEach((article, rank) => {
    for (const word of indexedWords(article)) {
      const key = searchShardKey(word);
      const shard = shards.get(key) ?? new Map<string, number[]>();
      shards.set(key, shard);
      const ranks = shard.get(word);
      if (ranks) ranks.push(rank);
      else shard.set(word, [rank]);
    }
  });
  const keys = [...shards.keys()].sort();
  const published = articles.flatMap((article, rank) => (article.published ? [rank] : []));
  const base: SearchBase = { published: encodeBitSet(published, articles.length), shards: keys };
  return [
    { path: dataPath.searchBase, data: base },
    ...keys.map((key) => {
      const words = shards.get(key) as Map<string, number[]>;
      const data: SearchShard = Object.fromEntries(
        [...words.keys()]
          .sort()
          .map((word) => [word, encodeRankList(words.get(word) ?? [], articles.length)]),
      );
      return { path: dataPath.searchShard(key), data };
    }),
  ];
}
