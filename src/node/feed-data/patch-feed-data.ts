import type { Article, ArticleSummary } from '../../shared/article-schema.ts';
import {
  dataPath,
  relatedOf,
  topicSlot,
  searchShardKey,
  topicKey,
  type DataPage,
  type RelatedPage,
  type SearchBase,
  type SearchShard,
  type TopicRanks,
  type TopicStat,
} from '../../shared/feed-data.ts';
import { flaggedRanks, rankListFlags } from '../../shared/ranks.ts';
import {
  articleHash,
  articleTexts,
  deriveArticle,
  feedVersion,
  indexedWords,
  renderPage,
  renderRelatedPage,
  renderSearchBase,
  renderShard,
  type FeedSnapshot,
} from './build-feed-data.ts';

/** The files to write (text) or delete (null), relative to the data folder, and the new snapshot. */
export type FeedPatch = { snapshot: FeedSnapshot; files: Map<string, string | null> };

/**
 * Updates a data folder for articles that changed in place: same id, date, publication state and
 * topics, so every article keeps its rank and every list its members. Only the files an edited
 * article appears in are rewritten: its page of the feed and of its related coverage, its page of
 * each of its topics, and the search shards of the words it gained or lost. The result is the
 * folder `buildFeedData` would write for the new articles, file for file.
 *
 * `read` gives a file of the previous folder. Returns undefined when the change is not of that
 * kind (an article added, removed, moved or re-topicked; a file missing): the caller then builds
 * the folder from scratch. Pure apart from `read`.
 */
export function patchFeedData(
  previous: FeedSnapshot,
  changed: readonly Article[],
  read: (file: string) => string | undefined,
): FeedPatch | undefined {
  const size = previous.ids.length;
  const { pageSize } = previous;
  const parsed = new Map<string, unknown>();
  const load = (file: string): unknown => {
    if (!parsed.has(file)) {
      const text = read(file);
      parsed.set(file, text === undefined ? undefined : JSON.parse(text));
    }
    return parsed.get(file);
  };
  const rankOf = new Map(previous.ids.map((id, rank) => [id, rank]));
  const pages = new Map<string, DataPage>();
  const relatedPages = new Map<string, RelatedPage>();
  const shards = new Map<string, Map<string, number[]> | undefined>();
  const textHashes = [...previous.textHashes];
  let topics: Map<string, TopicStat> | undefined;

  /** The page of `file` that holds `rank`, with the article replaced, or false. */
  const replaceIn = (file: string, rank: number, article: ArticleSummary): boolean => {
    const page = pages.get(file) ?? (load(file) as DataPage | undefined);
    const at = page?.ranks.indexOf(rank) ?? -1;
    if (!page || at < 0) return false;
    page.articles[at] = article;
    pages.set(file, page);
    return true;
  };
  const shardOf = (key: string): Map<string, number[]> | undefined => {
    if (!shards.has(key)) {
      const stored = load(dataPath.searchShard(key)) as SearchShard | undefined;
      shards.set(
        key,
        stored &&
          new Map(
            Object.entries(stored).map(([word, list]) => [
              word,
              [...flaggedRanks(rankListFlags(size, [list]))],
            ]),
          ),
      );
    }
    return shards.get(key);
  };

  for (const article of changed) {
    const rank = rankOf.get(article.id);
    if (rank === undefined) return undefined;
    const pageFile = dataPath.page(Math.floor(rank / pageSize));
    const before = (pages.get(pageFile) ?? (load(pageFile) as DataPage | undefined))?.articles[
      rank % pageSize
    ];
    if (
      before?.id !== article.id ||
      before.publishedAt !== article.publishedAt ||
      before.published !== article.published ||
      JSON.stringify(before.topics) !== JSON.stringify(article.topics)
    ) {
      return undefined;
    }
    const derived = deriveArticle(article);
    const hash = articleHash(article.id, derived);
    if (hash === textHashes[rank]) continue;
    textHashes[rank] = hash;

    const texts = articleTexts(article.id, rank, derived);
    const summary = JSON.parse(texts.summary) as ArticleSummary;
    replaceIn(pageFile, rank, summary);
    const related = relatedOf(rank, pageSize);
    const coverage = relatedPages.get(related.file) ?? (load(related.file) as RelatedPage | undefined);
    if (!coverage || coverage.length <= related.slot) return undefined;
    coverage[related.slot] = article.related;
    relatedPages.set(related.file, coverage);
    topics ??= new Map(
      ((load(dataPath.topics) as TopicStat[] | undefined) ?? []).map((topic) => [
        topicKey(topic.name),
        topic,
      ]),
    );
    for (const name of new Set(article.topics.map(topicKey))) {
      const topic = topics.get(name);
      const ranks = topic && (load(dataPath.topicRanks(topic.id)) as TopicRanks | undefined);
      if (!topic || !ranks) return undefined;
      const at = flaggedRanks(rankListFlags(size, [ranks.a])).indexOf(rank);
      if (at < 0 || !replaceIn(dataPath.topicPage(topic.id, topicSlot(at, pageSize).page), rank, summary)) {
        return undefined;
      }
    }

    const wordsBefore = indexedWords(before);
    const wordsAfter = new Set(derived.words);
    for (const word of wordsBefore) {
      if (wordsAfter.has(word)) continue;
      const postings = shardOf(searchShardKey(word));
      const ranks = postings?.get(word);
      if (!postings || !ranks?.includes(rank)) return undefined;
      if (ranks.length === 1) postings.delete(word);
      else ranks.splice(ranks.indexOf(rank), 1);
    }
    for (const word of wordsAfter) {
      if (wordsBefore.has(word)) continue;
      const key = searchShardKey(word);
      let postings = shardOf(key);
      if (!postings) {
        postings = new Map();
        shards.set(key, postings);
      }
      const ranks = postings.get(word) ?? [];
      const at = ranks.findIndex((other) => other > rank);
      ranks.splice(at < 0 ? ranks.length : at, 0, rank);
      postings.set(word, ranks);
    }
  }

  const files = new Map<string, string | null>();
  for (const [file, page] of pages) {
    files.set(
      file,
      renderPage(
        page.ranks,
        page.articles.map((article) => JSON.stringify(article)),
      ),
    );
  }
  for (const [file, coverage] of relatedPages) {
    files.set(file, renderRelatedPage(coverage.map((items) => JSON.stringify(items))));
  }
  let shardSetChanged = false;
  for (const [key, postings] of shards) {
    if (!postings) continue;
    const existed = (load(dataPath.searchShard(key)) as SearchShard | undefined) !== undefined;
    if (postings.size === 0) {
      files.set(dataPath.searchShard(key), null);
      shardSetChanged = true;
    } else {
      files.set(dataPath.searchShard(key), renderShard(postings, size));
      shardSetChanged ||= !existed;
    }
  }
  if (shardSetChanged) {
    const base = load(dataPath.searchBase) as SearchBase | undefined;
    if (!base) return undefined;
    const keys = new Set(base.shards);
    for (const [key, postings] of shards) {
      if (postings && postings.size > 0) keys.add(key);
      else if (postings) keys.delete(key);
    }
    files.set(dataPath.searchBase, renderSearchBase(base.published, keys));
  }

  const version = feedVersion(pageSize, textHashes);
  return { snapshot: { ...previous, version, textHashes }, files };
}
