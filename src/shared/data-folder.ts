import type { ArticleSummary, RelatedItem } from './article-schema.ts';
import type { PieceRoot } from './pieces.ts';
import type { RankList } from './ranks.ts';

/**
 * The contract between the build (src/node/pipeline) and the browser: what the plugin writes
 * into the data folder and how the reader finds it. Nothing here grows with the archive except
 * the files themselves; the index the first screen needs is the same size for 1 article and for
 * 100,000.
 *
 * Every article has a rank: its position in the full feed (unpublished ones included), newest
 * first. Lists of articles (a topic, a search) are ascending ranks, so they merge and intersect
 * as sorted integers.
 */

/** Which articles a view shows: the published ones (the default), or all of them. */
export type View = 'published' | 'all';

export type TopicStat = {
  /** Stable within one build: names the topic's files. */
  id: number;
  name: string;
  /** Articles carrying the topic, published ones and all. */
  published: number;
  all: number;
  /** The stories those articles belong to (see story-ranks.ts). */
  storyCount: Record<View, number>;
};

/** What `virtual:news` exports; tiny and fixed in size. */
export type NewsIndex = {
  /** URL of the data folder, ending in `/`. */
  base: string;
  /** Each group's manifest, by its hash: where every data file's piece is (see pieces.ts). */
  pieces: PieceRoot;
  /** Articles per data page. */
  pageSize: number;
  count: Record<View, number>;
  /** How many stories those articles make (see story-ranks.ts). */
  storyCount: Record<View, number>;
  /** The most common topics of each view; the rest are in `topics.json`. */
  topics: TopicStat[];
  /** How many topics each view has in all (`topics` may hold fewer). */
  topicTotal: Record<View, number>;
};

/** A page of a stream: articles newest first (as cards show them), with their ranks. */
export type DataPage = { ranks: number[]; articles: ArticleSummary[] };

/** A file of the "top" order: its ranks, whose cards are in the full feed's pages. */
export type TopOrderPage = { ranks: number[] };

/** Another article of the same story, as a panel lists it, with why it is the same story. */
export type StoryItem = Pick<ArticleSummary, 'id' | 'title' | 'url' | 'publishedAt' | 'type' | 'provider'> & {
  reason: string;
};

/** An item of a file's own related reading; `inArchive` when it is itself an article of this archive. */
export type ReadingItem = RelatedItem & { inArchive?: true };

/**
 * What an article's panel lists: the other articles of its story, then the file's own related
 * reading (without any link the story already lists). No URL appears twice.
 */
export type Coverage = { sameStory: StoryItem[]; related: ReadingItem[] };

/** The coverage of the articles of one page of the full feed, in the same order. */
export type RelatedPage = Coverage[];

/** The postings of every indexed word that starts with one shard's two characters. */
export type SearchShard = Record<string, RankList>;

/** Loaded with the first search: which ranks are published (a base64 bit set), which shards exist. */
export type SearchBase = { published: string; shards: string[] };

export const topicsShown = 30;

/**
 * How many cards the first read of a feed shows: a screen's worth. The build bundles the files
 * the first read of the default view needs (see firstScreenPages), so the first cards need no
 * request of their own.
 */
export const firstScreenCards = 6;

/**
 * Ranks in each file of the "top" order: a reader sorting a rare topic by top skims a long way
 * through it, so its files are large (a thousand ranks is about 3 KB compressed).
 */
export const topOrderPageSize = 1000;

export const dataPath = {
  /** All articles, newest first, `pageSize` per page. */
  page: (page: number) => `a/${page}.json`,
  /** The related coverage of the articles of `a/<page>.json` (a `RelatedPage`). */
  relatedPage: (page: number) => `r/${page}.json`,
  /** The ranks of one topic's articles, delta-encoded, for unions and searches. */
  topicRanks: (topic: number) => `t/${topic}/ranks.json`,
  /** Every topic, as `TopicStat[]`. */
  topics: 'topics.json',
  /** Every story of more than one article, as its ranks (a `StoryRanks`). */
  stories: 'stories.json',
  searchBase: 's/base.json',
  /** The "top" order (`quality`, highest first, then newest), `topOrderPageSize` ranks a file (a `TopOrderPage`). */
  topOrder: (page: number) => `top/${page}.json`,
  /** Each article type's ranks: `Record<type, RankList>`. */
  types: 'types.json',
  /** Each outlet and its ranks (a `ProviderRanks`). */
  providers: 'providers.json',
  /** The first rank of each day (a `DayRanks`). */
  days: 'days.json',
  /** Ranks by source URL (a `UrlRanks`), the URLs split by a hash (see url-lookup.ts). */
  urlRanks: (file: number) => `u/${file}.json`,
  searchShard: (key: string) => `s/${key}.json`,
};

/** Where the related coverage of the article at `rank` is: a file, and its place in it. */
export const relatedOf = (rank: number, pageSize: number) => ({
  file: dataPath.relatedPage(Math.floor(rank / pageSize)),
  slot: rank % pageSize,
});

/** Every outlet of the archive, as a card names it, with its domain and the ranks of its articles. */
export type ProviderRanks = { name: string; domain?: string; ranks: RankList }[];

/** `[day, first rank]` for each day with an article, `YYYY-MM-DD` in UTC, newest first. */
export type DayRanks = [string, number][];

/** The ranks file of a topic: published ranks and all ranks. */
export type TopicRanks = Record<View, RankList>;
