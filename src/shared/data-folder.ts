import type { ArticleSummary, RelatedItem } from './article-schema.ts';
import type { PieceRoot } from './pieces.ts';
import type { KeyList } from './ranks.ts';

/**
 * The contract between the build (src/node/pipeline) and the browser: what the plugin writes
 * into the data folder and how the reader finds it. Nothing here grows with the archive except
 * the files themselves; the index the first screen needs is the same size for 1 article and for
 * 100,000.
 *
 * Every article has a key: its position counted from the oldest (unpublished ones included). A
 * newer article appends a key and moves none, so the files of older articles keep their bytes;
 * every file says keys. The browser reads in ranks, positions in the feed newest first: the
 * article of key `k` among `count` has rank `count - 1 - k` (see rankOfKey).
 */

/** The rank of the article of `key` among `count` articles, and the key of a rank: the same map. */
export const rankOfKey = (key: number, count: number): number => count - 1 - key;

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

/**
 * The root of the archive: tiny and fixed in size. A build writes it as `data/index.json` (see
 * indexFile), the one data file of a fixed name, rewritten by every deploy, and puts it in its
 * page with the first screen's files (see PageData); the app's scripts never hold it, so that
 * they keep their names and bytes when only the articles change.
 */
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

/** Where the index is, in the data folder (the dev server's too): a name that never changes. */
export const indexFile = 'index.json';

/**
 * The data of a build's page (index.html): the index, and the files the first screen of the
 * default view reads, each by its path, so that the app, once the prerendered first screen is
 * painted, makes it live with one request. A piece of its own (`data/page.<hash>.json`, see
 * pageDataFile), which the page names in a `<meta name="news-data">` (see pageDataMeta): the page
 * stays the same size whatever the archive's, and a page kept offline finds the data it was
 * drawn from. A story's page names none (it would change with every deploy): the reader there
 * fetches the index.
 */
export type PageData = { index: NewsIndex; firstFiles: Record<string, unknown> };

/** The page data's file, named as a piece (see pieceName). */
export const pageDataFile = 'page.json';

/** The name of the page's `<meta>` whose content is its PageData's address. */
export const pageDataMeta = 'news-data';

/** A card as a page of the full feed stores it: without its rank, which the browser works out. */
export type StoredCard = Omit<ArticleSummary, 'rank'>;

/** A page of the full feed: the cards of keys `[n·pageSize, (n+1)·pageSize)`, oldest first. */
export type DataPage = { articles: StoredCard[] };

/**
 * The "top" order (`quality`, highest first, then newest) in buckets of one whole point of
 * quality (and one for articles without any), so that a new article changes its bucket alone:
 * `top/buckets.json` lists them, highest first, with their sizes; `top/<name>.json` holds one
 * bucket's keys (whose cards are in the full feed's pages).
 */
export type TopBuckets = { name: string; count: number }[];
export type TopBucket = { keys: KeyList };

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
export type SearchShard = Record<string, KeyList>;

/** Loaded with the first search: which keys are published (a base64 bit set), which shards exist. */
export type SearchBase = { published: string; shards: string[] };

export const topicsShown = 30;

/**
 * How many cards the first read of a feed shows: a screen's worth. The build puts the files the
 * first read of the default view needs (see firstScreenPages) in its page (see PageData), so the
 * first cards need no request of their own.
 */
export const firstScreenCards = 6;

export const dataPath = {
  /** All articles, newest first, `pageSize` per page. */
  page: (page: number) => `a/${page}.json`,
  /** The related coverage of the articles of `a/<page>.json` (a `RelatedPage`). */
  relatedPage: (page: number) => `r/${page}.json`,
  /** The keys of one topic's articles, for unions and searches (a `TopicKeys`). */
  topicKeys: (topic: number) => `t/${topic}/keys.json`,
  /** Every topic, as `TopicStat[]`. */
  topics: 'topics.json',
  /** Every story of more than one article, as its keys (a `StoryKeys`). */
  stories: 'stories.json',
  searchBase: 's/base.json',
  /** The words of the newest articles, not yet in the shards (a `SearchShard`, see search-files.ts). */
  searchTail: 's/tail.json',
  /** The buckets of the "top" order (a `TopBuckets`). */
  topBuckets: 'top/buckets.json',
  /** One bucket of the "top" order, named by its whole quality, or `none` (a `TopBucket`). */
  topBucket: (name: string) => `top/${name}.json`,
  /** Each article type's keys: `Record<type, KeyList>`. */
  types: 'types.json',
  /** Each outlet and its keys (a `ProviderKeys`). */
  providers: 'providers.json',
  /** The first key of each day (a `DayKeys`). */
  days: 'days.json',
  /** Keys by source URL (a `UrlKeys`), the URLs split by a hash (see url-lookup.ts). */
  urlKeys: (file: number) => `u/${file}.json`,
  /** Keys by article id (an `IdKeys`), the ids split by a hash (see url-lookup.ts). */
  idKeys: (file: number) => `i/${file}.json`,
  searchShard: (key: string) => `s/${key}.json`,
};

/** What says where a card is: how many articles there are, and how many a page holds. */
type PageLayout = Pick<NewsIndex, 'count' | 'pageSize'>;

/** Where the card of the article at `rank` is: its page of the full feed, and its place in it. */
export function cardOf(rank: number, { count, pageSize }: PageLayout) {
  const key = rankOfKey(rank, count.all);
  return { page: Math.floor(key / pageSize), slot: key % pageSize };
}

/** Where the related coverage of the article at `rank` is: a file, and its place in it. */
export function relatedOf(rank: number, index: PageLayout) {
  const { page, slot } = cardOf(rank, index);
  return { file: dataPath.relatedPage(page), slot };
}

/** Every outlet of the archive, as a card names it, with its domain and the keys of its articles. */
export type ProviderKeys = { name: string; domain?: string; keys: KeyList }[];

/** `[day, first key]` for each day with an article, `YYYY-MM-DD` in UTC, oldest first. */
export type DayKeys = [string, number][];

/** The keys file of a topic: its published articles' keys and all its articles' keys. */
export type TopicKeys = Record<View, KeyList>;
