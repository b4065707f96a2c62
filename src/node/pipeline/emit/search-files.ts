import type { Article } from '../../../shared/article-schema.ts';
import { dataPath, type SearchBase, type SearchShard } from '../../../shared/data-folder.ts';
import { encodeBitSet, encodeKeyList } from '../../../shared/ranks.ts';
import { searchShardKey, searchWords } from '../../../shared/search-words.ts';
import type { DataFile } from './data-file.ts';
import { deriveFromList, keptWords, memoByObject, type ListMemo } from '../memo.ts';
import { byKey, keysOfRanks } from './keys.ts';

/**
 * The words an article is found by: those of its title, excerpt, provider and topics; kept with the
 * article (1.0 s of a dev server's 1.6 s of search index at 100,000 articles).
 */
export const indexedWords = memoByObject(
  (article: Pick<Article, 'title' | 'excerpt' | 'provider' | 'topics'>): readonly string[] => {
    const text = [article.title, article.excerpt ?? '', article.provider?.name ?? '', ...article.topics];
    return keptWords(new Set(searchWords(text.join(' '))));
  },
);

/**
 * How many of the newest articles the search index keeps in one file of their own, `s/tail.json`,
 * before their words join the shards, like an LSM tree's newest segment: a new article rewrites
 * that file alone, and the shards only once a whole span has come (so every 1,024 articles).
 */
export const searchTailSpan = 1024;

/** Every word's ascending keys among the articles of keys `[from, to)` (`oldestFirst`: by key). */
function postingsOf(oldestFirst: readonly Article[], from: number, to: number): Map<string, number[]> {
  const postings = new Map<string, number[]>();
  for (let key = from; key < to; key += 1) {
    for (const word of indexedWords(oldestFirst[key] as Article)) {
      const keys = postings.get(word);
      if (keys) keys.push(key);
      else postings.set(word, [key]);
    }
  }
  return postings;
}

const asShard = (postings: ReadonlyMap<string, number[]>, words: readonly string[]): SearchShard =>
  Object.fromEntries(words.map((word) => [word, encodeKeyList(postings.get(word) ?? [])]));

/**
 * The search index: for every word, the keys of the articles it is found in. The articles before
 * the last whole `tailSpan` are in shards by the word's first two characters (`s/<key>.json`, each
 * read when a search needs it); the newer ones in `s/tail.json` (see searchTailSpan); and
 * `s/base.json` says which keys are published and which shards exist. `articles` are newest first,
 * `published` the ranks of the published ones, ascending.
 */
export function searchFiles(
  articles: readonly Article[],
  published: readonly number[],
  tailSpan = searchTailSpan,
  kept?: ListMemo<Article, Map<string, SearchShard>>,
): DataFile[] {
  const count = articles.length;
  const merged = Math.floor(count / tailSpan) * tailSpan;
  const oldestFirst = byKey(articles);
  const shards = deriveFromList(kept, oldestFirst.slice(0, merged), shardsOf);
  const tail = postingsOf(oldestFirst, merged, count);
  const base: SearchBase = {
    published: encodeBitSet(keysOfRanks(published, count)),
    shards: [...shards.keys()],
  };
  return [
    { path: dataPath.searchBase, data: base },
    { path: dataPath.searchTail, data: asShard(tail, [...tail.keys()].sort()) },
    ...[...shards].map(([key, data]) => ({ path: dataPath.searchShard(key), data })),
  ];
}

/**
 * The shards of the older articles (by key), by shard key, sorted. A long-lived process keeps them
 * for the same articles (`kept`): while newer ones arrive in the tail or are edited, they stay
 * (1.0 s of 1.3 s of a dev server's search index at 100,000 articles).
 */
function shardsOf(oldestFirst: readonly Article[]): Map<string, SearchShard> {
  const postings = postingsOf(oldestFirst, 0, oldestFirst.length);
  const shards = new Map<string, string[]>();
  for (const word of [...postings.keys()].sort()) {
    const key = searchShardKey(word);
    const words = shards.get(key);
    if (words) words.push(word);
    else shards.set(key, [word]);
  }
  return new Map([...shards.keys()].sort().map((key) => [key, asShard(postings, shards.get(key) ?? [])]));
}
