import type { Article } from '../../../shared/article-schema.ts';
import { dataPath, rankOfKey, type SearchBase, type SearchShard } from '../../../shared/data-folder.ts';
import { encodeBitSet, encodeKeyList } from '../../../shared/ranks.ts';
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
 * The search index: for every word, the keys of the articles it is found in, split into shards
 * by the word's first two characters (`s/<key>.json`, each read when a search needs it), and
 * `s/base.json`: which keys are published, and which shards exist.
 */
export function searchFiles(articles: readonly Article[]): DataFile[] {
  const count = articles.length;
  const postings = new Map<string, number[]>();
  // Oldest first, so that each word's keys come in ascending order.
  for (let key = 0; key < count; key += 1) {
    for (const word of indexedWords(articles[rankOfKey(key, count)] as Article)) {
      const keys = postings.get(word);
      if (keys) keys.push(key);
      else postings.set(word, [key]);
    }
  }
  const shards = new Map<string, string[]>();
  for (const word of [...postings.keys()].sort()) {
    const key = searchShardKey(word);
    const words = shards.get(key);
    if (words) words.push(word);
    else shards.set(key, [word]);
  }
  const keys = [...shards.keys()].sort();
  const published = articles.flatMap((article, rank) => (article.published ? [rankOfKey(rank, count)] : []));
  const base: SearchBase = { published: encodeBitSet(published), shards: keys };
  return [
    { path: dataPath.searchBase, data: base },
    ...keys.map((key) => {
      const words = shards.get(key) ?? [];
      const data: SearchShard = Object.fromEntries(
        words.map((word) => [word, encodeKeyList(postings.get(word) ?? [])]),
      );
      return { path: dataPath.searchShard(key), data };
    }),
  ];
}
