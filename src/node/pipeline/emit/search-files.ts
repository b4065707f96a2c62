import type { Article } from '../../../shared/article-schema.ts';
import { dataPath, type SearchBase, type SearchShard } from '../../../shared/data-folder.ts';
import { encodeBitSet, encodeRankList } from '../../../shared/ranks.ts';
import { searchShardKey, searchWords } from '../../../shared/search-words.ts';
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
  const postings = new Map<string, number[]>();
  articles.forEach((article, rank) => {
    for (const word of indexedWords(article)) {
      const ranks = postings.get(word);
      if (ranks) ranks.push(rank);
      else postings.set(word, [rank]);
    }
  });
  const shards = new Map<string, string[]>();
  for (const word of [...postings.keys()].sort()) {
    const key = searchShardKey(word);
    const words = shards.get(key);
    if (words) words.push(word);
    else shards.set(key, [word]);
  }
  const keys = [...shards.keys()].sort();
  const published = articles.flatMap((article, rank) => (article.published ? [rank] : []));
  const base: SearchBase = { published: encodeBitSet(published, articles.length), shards: keys };
  return [
    { path: dataPath.searchBase, data: base },
    ...keys.map((key) => {
      const words = shards.get(key) ?? [];
      const data: SearchShard = Object.fromEntries(
        words.map((word) => [word, encodeRankList(postings.get(word) ?? [], articles.length)]),
      );
      return { path: dataPath.searchShard(key), data };
    }),
  ];
}
