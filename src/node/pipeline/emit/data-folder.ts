import type { Article } from '../../../shared/article-schema.ts';
import type {
  Coverage,
  DataPage,
  NewsIndex,
  RelatedPage,
  SearchShard,
  StoredCard,
} from '../../../shared/data-folder.ts';
import { deriveFromPicked, type ListMemo, type PickedMemo } from '../memo.ts';
import type { DataFile } from './data-file.ts';
import type { Story } from '../stories/find-stories.ts';
import { coverageOf, emptyPanelMemo, type PanelMemo } from './coverage.ts';
import {
  cardsOf,
  feedPages,
  firstScreenOf,
  relatedPages,
  type CardMemo,
  type PageMemo,
} from './feed-pages.ts';
import { searchFiles, searchTailSpan } from './search-files.ts';
import { storyCounts, storyLookup } from './story-files.ts';
import { facetFiles } from './facet-files.ts';
import { topOrderFiles } from './top-order.ts';
import { ranksById } from './keys.ts';
import { idFiles, urlFiles } from './url-files.ts';
import { topicIndex, topicKeyFiles, topicsFile, topicStats, topicsOf, type Topic } from './topic-files.ts';

export const defaultPageSize = 12;

/** What a long-lived process keeps of this stage from run to run (see Archive). */
export type EmitMemo = {
  searchShards: ListMemo<Article, Map<string, SearchShard>>;
  ranks: PickedMemo<ReadonlyMap<string, number>>;
  published: PickedMemo<number[]>;
  panels: PanelMemo;
  cards: CardMemo;
  feedPages: PageMemo<StoredCard, DataPage>;
  relatedPages: PageMemo<Coverage, RelatedPage>;
  topics: PickedMemo<{ all: Topic[]; keyFiles: DataFile[] }>;
  lookups: PickedMemo<DataFile[]>;
  top: PickedMemo<DataFile[]>;
  facets: PickedMemo<DataFile[]>;
};

/** An EmitMemo that holds nothing yet. */
export const emptyEmitMemo = (): EmitMemo => ({
  searchShards: {},
  ranks: {},
  published: {},
  panels: emptyPanelMemo(),
  cards: {},
  feedPages: {},
  relatedPages: {},
  topics: {},
  lookups: {},
  top: {},
  facets: {},
});

/**
 * Stage 4: the data folder the browser pages through, from the corpus' articles (newest first)
 * and stories: the full feed and what each panel lists, the topics, the search index, and the small index the
 * page carries, with what its first screen reads. Pure: no I/O; `kept` only saves work.
 */
export function emitDataFolder(
  { articles, stories }: { articles: readonly Article[]; stories: readonly Story[] },
  pageSize = defaultPageSize,
  searchSpan = searchTailSpan,
  kept?: EmitMemo,
): {
  index: Omit<NewsIndex, 'base' | 'pieces'>;
  files: DataFile[];
  firstScreen: ReturnType<typeof firstScreenOf>;
  /** Each article's rank by its id. */
  rankOf: ReadonlyMap<string, number>;
} {
  // Each article's rank by id, kept while the ids are in their places (the story lookup and the
  // panels each mapped every article): at 100,000 articles, the whole of emitDataFolder for a
  // dev-server edit of a title took 0.47 s before, 0.34 s so (medians of ten edits, alternated).
  const rankOf = deriveFromPicked(
    kept?.ranks,
    articles,
    ({ id }) => [id],
    () => ranksById(articles),
  );
  const byStory = storyLookup(articles, stories, rankOf);
  // The files made from a few fields of each article are kept while those are unchanged: at
  // 100,000 articles, 0.47 s of a dev-server edit (topics 0.15, URL and id lookups 0.19, facets
  // 0.12, the top order 0.02) that the edit of a title does not change. A topic's story count is
  // counted every run: kept with the topics, an edit that moved an article between stories made
  // them again (0.25-0.33 s at 100,000), against 5-7 ms to count.
  const topics = deriveFromPicked(
    kept?.topics,
    articles,
    ({ published, topics }) => [published, ...topics],
    () => {
      const all = topicsOf(articles);
      return { all, keyFiles: topicKeyFiles(all, articles.length) };
    },
  );
  const topicList = topicStats(topics.all, byStory);
  const coverage = coverageOf(articles, stories, rankOf, kept?.panels);
  // One summary per article, shared by every page that lists it.
  const summaries = cardsOf(articles, coverage, byStory.cardStory, kept?.cards);
  const ranks = articles.map((_, rank) => rank);
  // The ranks of the published articles, kept while each article's publication is the same: at
  // 100,000 articles, these ranks and the story counts took 0.04-0.075 s of a dev-server edit
  // when every article's was read, 0.015-0.025 s so.
  const published = deriveFromPicked(
    kept?.published,
    articles,
    ({ published }) => [published],
    () => ranks.filter((rank) => articles[rank]?.published),
  );
  return {
    rankOf,
    firstScreen: firstScreenOf(summaries, pageSize),
    index: {
      pageSize,
      count: { published: published.length, all: articles.length },
      storyCount: storyCounts(byStory, ranks, published),
      ...topicIndex(topicList),
    },
    files: [
      byStory.file,
      ...feedPages(summaries, pageSize, kept?.feedPages),
      ...relatedPages(coverage, pageSize, kept?.relatedPages),
      topicsFile(topicList),
      ...topics.keyFiles,
      ...searchFiles(articles, published, searchSpan, kept?.searchShards),
      ...deriveFromPicked(
        kept?.lookups,
        articles,
        ({ url, id }) => [url, id],
        () => [...urlFiles(articles), ...idFiles(articles)],
      ),
      ...deriveFromPicked(
        kept?.top,
        articles,
        ({ quality }) => [quality],
        () => topOrderFiles(articles),
      ),
      ...deriveFromPicked(
        kept?.facets,
        articles,
        ({ type, provider, url, publishedAt }) => [type, provider?.name, provider?.domain, url, publishedAt],
        () => facetFiles(articles),
      ),
    ],
  };
}
