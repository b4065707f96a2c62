import { createHash, hash } from 'node:crypto';
import type { Article, ArticleFields } from '../../shared/article-schema.ts';
import {
  dataPath,
  encodeBitSet,
  encodeRankList,
  searchShardKey,
  searchWords,
  topicKey,
  topicPageCount,
  topicPageRange,
  topicsShown,
  type NewsIndex,
  type SearchBase,
  type TopicRanks,
  type TopicStat,
} from '../../shared/feed-data.ts';
import { compareNewestFirst } from '../../shared/feed-order.ts';

export const defaultPageSize = 12;

/** The reader's data folder, described once and rendered file by file on demand. */
export type FeedData = {
  /** Changes whenever any file would; names the data folder so that every URL is immutable. */
  version: string;
  index: Omit<NewsIndex, 'base'>;
  /** Every file of the folder, relative to it. */
  paths: () => Iterable<string>;
  /** A file's text, or undefined when there is no such file. */
  render: (file: string) => string | undefined;
  /** What a later build needs to update this folder in place instead of writing it again. */
  snapshot: FeedSnapshot;
};

/**
 * A data folder described by what cannot be read back from its files cheaply: the id and a hash
 * of the text of the article at every rank. With the folder itself, it is enough to rewrite only
 * the files that one edited article appears in (see patch-feed-data.ts).
 */
export type FeedSnapshot = {
  version: string;
  pageSize: number;
  index: Omit<NewsIndex, 'base'>;
  ids: string[];
  textHashes: string[];
};

/**
 * What the build works out of each article alone: its fields as JSON, split into what a card
 * shows and its related coverage (each written once, and reused by every page that holds the
 * article), the words it is found by, and the hash of its text. A cold build has them from the
 * parse workers (see PreparedArticle), so this thread does not work them out again for 100,000
 * articles.
 */
export type ArticleDerived = {
  /** The fields but `related`, as JSON. */
  json: string;
  /** `related`, as JSON. */
  related: string;
  relatedCount: number;
  words: Iterable<string>;
  textHash?: string;
};

/**
 * What a parse worker sends of an accepted article: `ArticleDerived` with its words joined by
 * spaces, and, when it was told the article's id, the hash of its text under that id.
 */
export type PreparedArticle = {
  json: string;
  related: string;
  relatedCount: number;
  words: string;
  hashed?: { id: string; textHash: string };
  /** What the build orders and groups by, and the parse cache's index keeps, without parsing `json`. */
  facts: ArticleFacts;
};

/** The fields an article is placed by (in the feed, its topics, among duplicates), beside its text. */
export type ArticleFacts = Pick<ArticleFields, 'url' | 'published' | 'publishedAt' | 'topics'>;

/** What buildFeedData needs of an article besides its derived data: where it goes. */
export type FeedItem = Pick<Article, 'id' | 'publishedAt' | 'published' | 'topics'>;

/** The fields of a prepared article as JSON (`related` last), as the parse cache keeps them. */
export const preparedFieldsJson = ({ json, related }: Pick<PreparedArticle, 'json' | 'related'>): string =>
  json === '{}' ? `{"related":${related}}` : `${json.slice(0, -1)},"related":${related}}`;

/** An article's whole text, the one its hash is taken of: the id, then its fields as the cache keeps them. */
const articleText = (id: string, json: string, related: string): string =>
  `{"id":${JSON.stringify(id)},${preparedFieldsJson({ json, related }).slice(1)}`;

/** An `ArticleSummary` as JSON: the id, the rank, the fields but `related`, and its count. */
const summaryText = (id: string, rank: number, { json, relatedCount }: ArticleDerived): string =>
  `{"id":${JSON.stringify(id)},"rank":${rank},${json === '{}' ? '' : `${json.slice(1, -1)},`}"relatedCount":${relatedCount}}`;

/** Worked out where the file is parsed (on a parse worker, for a large folder). */
export function prepareArticle(fields: ArticleFields, id?: string): PreparedArticle {
  const { related, ...rest } = fields;
  const json = JSON.stringify(rest);
  const relatedJson = JSON.stringify(related);
  return {
    json,
    related: relatedJson,
    relatedCount: related.length,
    words: [...indexedWords(fields)].join(' '),
    ...(id === undefined ? {} : { hashed: { id, textHash: textHash(articleText(id, json, relatedJson)) } }),
    facts: {
      url: fields.url,
      published: fields.published,
      publishedAt: fields.publishedAt,
      topics: fields.topics,
    },
  };
}

/** The article `{ id, ...fields }`'s derived data, from its fields' prepared form. */
export function derivedFromPrepared(
  id: string,
  { json, related, relatedCount, words, hashed }: PreparedArticle,
): ArticleDerived {
  return {
    json,
    related,
    relatedCount,
    words: wordsOf(words),
    ...(hashed?.id === id ? { textHash: hashed.textHash } : {}),
  };
}

/**
 * The words of a space-separated list, made one at a time as they are read: a cold build's
 * 100,000 articles hold three million words, which as arrays would stay alive (and be traced by
 * every collection) for as long as the feed is being built.
 */
const wordsOf = (text: string): Iterable<string> => ({
  *[Symbol.iterator]() {
    let start = 0;
    while (start < text.length) {
      const space = text.indexOf(' ', start);
      const end = space === -1 ? text.length : space;
      if (end > start) yield text.slice(start, end);
      start = end + 1;
    }
  },
});

/** An article's derived data, worked out here. */
export function deriveArticle(article: Article): ArticleDerived {
  const { id, ...fields } = article;
  return derivedFromPrepared(id, prepareArticle(fields, id));
}

/** The hash of an article's text (see articleText). */
export const articleHash = (id: string, derived: ArticleDerived): string =>
  derived.textHash ?? textHash(articleText(id, derived.json, derived.related));

/** What the data folder's files hold of an article: its summary's text at `rank`, and its related coverage's. */
export const articleTexts = (id: string, rank: number, derived: ArticleDerived) => ({
  summary: summaryText(id, rank, derived),
  related: derived.related,
});

type TopicEntry = TopicStat & { ranks: number[]; published: number[] };

const byCount = (view: 'p' | 'a') => (x: TopicStat, y: TopicStat) =>
  y[view] - x[view] || x.name.localeCompare(y.name, 'en');

/**
 * Turns the pipeline's articles into the folder the browser pages through (see
 * src/shared/feed-data.ts): pages of all articles, pages and rank lists per topic, the topic
 * list, and a search index sharded by the first two characters of each word. Pure: no I/O.
 * `derived` gives what is already known of an article (see ArticleDerived); for whole articles
 * it may be left out, or answer undefined, and it is worked out here. With it, the articles need
 * only be `FeedItem`s: a cold build never makes its 100,000 articles objects on this thread.
 */
export function buildFeedData(
  input: readonly Article[],
  pageSize?: number,
  derived?: (article: Article) => ArticleDerived | undefined,
): FeedData;
export function buildFeedData<T extends FeedItem>(
  input: readonly T[],
  pageSize: number | undefined,
  derived: (item: T) => ArticleDerived,
): FeedData;
export function buildFeedData(
  input: readonly FeedItem[],
  pageSize = defaultPageSize,
  derived?: (item: Article) => ArticleDerived | undefined,
): FeedData {
  const articles = [...input].sort(compareNewestFirst);
  /** Each article, newest first (its index is its rank), with what the build works out of it alone. */
  const entries = articles.map((article) => ({
    article,
    // Either `derived` knows the item, or the item is a whole article (see the overloads).
    known: derived?.(article as Article) ?? deriveArticle(article as Article),
  }));
  const byKey = new Map<string, TopicEntry>();
  const postings = new Map<string, number[]>();
  const published: number[] = [];
  let publishedCount = 0;

  // Each article is written to JSON once: every page that holds it (the full feed's, each of its
  // topics') reuses the same summary, and its related coverage is in the full feed's file only.
  const texts = entries.map(({ article, known }, rank) => articleTexts(article.id, rank, known));
  for (const [rank, { article, known }] of entries.entries()) {
    if (article.published) {
      publishedCount += 1;
      published.push(rank);
    }
    for (const name of article.topics) {
      let entry = byKey.get(topicKey(name));
      if (!entry) {
        entry = { id: 0, name, p: 0, a: 0, ranks: [], published: [] };
        byKey.set(topicKey(name), entry);
      }
      entry.a += 1;
      entry.ranks.push(rank);
      if (article.published) {
        entry.p += 1;
        entry.published.push(rank);
      }
    }
    for (const word of known.words) {
      const ranks = postings.get(word);
      if (ranks) ranks.push(rank);
      else postings.set(word, [rank]);
    }
  }
  // Words grouped into shards once, at the end: a key per distinct word, not per occurrence.
  const shards = new Map<string, Map<string, number[]>>();
  for (const [word, ranks] of postings) {
    const key = searchShardKey(word);
    let shard = shards.get(key);
    if (!shard) {
      shard = new Map();
      shards.set(key, shard);
    }
    shard.set(word, ranks);
  }

  const topics = [...byKey.values()].sort(byCount('a'));
  for (const [id, topic] of topics.entries()) topic.id = id;
  const stat = ({ id, name, p, a }: TopicStat): TopicStat => ({ id, name, p, a });
  const shown = new Set([
    ...topics
      .filter((topic) => topic.p > 0)
      .sort(byCount('p'))
      .slice(0, topicsShown),
    ...topics.slice(0, topicsShown),
  ]);

  const pages = (count: number) => Math.ceil(count / pageSize);
  /** The positions of the feed's page `number`, or of a topic's (see topicSlot). */
  const feedRange = (number: number, count: number): [number, number] => [
    number * pageSize,
    Math.min(count, (number + 1) * pageSize),
  ];
  const topicRange = (number: number, count: number) => topicPageRange(number, count, pageSize);
  /**
   * Page `number` (a `DataPage`, as JSON) of a list of `count` articles whose i-th has rank
   * `rankAt(i)`, holding the positions `span` gives.
   */
  const page = (
    count: number,
    rankAt: (i: number) => number,
    number: number,
    span: (number: number, count: number) => [number, number],
  ): string | undefined => {
    if (!Number.isInteger(number) || number < 0) return undefined;
    const [from, to] = span(number, count);
    if (from >= to) return undefined;
    const ranks = range(from, to).map(rankAt);
    return renderPage(
      ranks,
      ranks.map((rank) => texts[rank]?.summary ?? ''),
    );
  };

  function render(file: string): string | undefined {
    let match: RegExpExecArray | null;
    if ((match = /^a\/(\d+)\.json$/.exec(file))) {
      return page(articles.length, (i) => i, Number(match[1]), feedRange);
    }
    if ((match = /^r\/(\d+)\.json$/.exec(file))) {
      const [from, to] = feedRange(Number(match[1]), articles.length);
      return from < to ? renderRelatedPage(texts.slice(from, to).map((text) => text.related)) : undefined;
    }
    if ((match = /^t\/(\d+)\/(\d+)\.json$/.exec(file))) {
      const topic = topics[Number(match[1])];
      return topic && page(topic.a, (i) => topic.ranks[i] ?? 0, Number(match[2]), topicRange);
    }
    if ((match = /^t\/(\d+)\/ranks\.json$/.exec(file))) {
      const topic = topics[Number(match[1])];
      const ranks: TopicRanks | undefined = topic && {
        p: encodeRankList(topic.published, articles.length),
        a: encodeRankList(topic.ranks, articles.length),
      };
      return json(ranks);
    }
    if (file === dataPath.topics) return json(topics.map(stat));
    if (file === dataPath.searchBase)
      return renderSearchBase(encodeBitSet(published, articles.length), shards.keys());
    if ((match = /^s\/([0-9a-f-]+)\.json$/.exec(file))) {
      const shard = shards.get(match[1] ?? '');
      return shard && renderShard(shard, articles.length);
    }
    return undefined;
  }

  function* paths(): Iterable<string> {
    for (let n = 0; n < pages(articles.length); n += 1) yield dataPath.page(n);
    for (let n = 0; n < pages(articles.length); n += 1) yield dataPath.relatedPage(n);
    for (const topic of topics) {
      for (let n = 0; n < topicPageCount(topic.a, pageSize); n += 1) yield dataPath.topicPage(topic.id, n);
      yield dataPath.topicRanks(topic.id);
    }
    yield dataPath.topics;
    yield dataPath.searchBase;
    for (const key of shards.keys()) yield dataPath.searchShard(key);
  }

  const index = {
    pageSize,
    count: { p: publishedCount, a: articles.length },
    topics: topics.filter((topic) => shown.has(topic)).map(stat),
    topicTotal: { p: topics.filter((topic) => topic.p > 0).length, a: topics.length },
  };
  const textHashes = entries.map(({ article, known }) => articleHash(article.id, known));
  const version = feedVersion(pageSize, textHashes);
  return {
    version,
    index,
    paths,
    render,
    snapshot: { version, pageSize, index, ids: articles.map((article) => article.id), textHashes },
  };
}

/** The words an article is found by: its title, excerpt, provider and topics. */
export function indexedWords(
  article: Pick<Article, 'title' | 'excerpt' | 'provider' | 'topics'>,
): Set<string> {
  const text = [article.title, article.excerpt ?? '', article.provider?.name ?? '', ...article.topics];
  return new Set(searchWords(text.join(' ')));
}

/** 96 bits of SHA-256: enough to tell two texts apart, and a third of the snapshot's size. */
export const textHash = (text: string): string => hash('sha256', text, 'base64').slice(0, 16);

/** Names the data folder: a hash of every article's text in feed order, so any change renames it. */
export function feedVersion(pageSize: number, textHashes: readonly string[]): string {
  // One update of the joined hashes: the same bytes as an update per hash, without 100,000 calls.
  return createHash('sha256').update(String(pageSize)).update(textHashes.join('')).digest('hex').slice(0, 12);
}

/** A `DataPage` as JSON, from each article's JSON text (written once per article, reused by every page). */
export function renderPage(ranks: readonly number[], texts: readonly string[]): string {
  return `{"ranks":${JSON.stringify(ranks)},"articles":[${texts.join(',')}]}`;
}

/** A `RelatedPage` as JSON, from each article's related coverage as JSON. */
export function renderRelatedPage(texts: readonly string[]): string {
  return `[${texts.join(',')}]`;
}

/** A `SearchShard`: its words in code-unit order, whatever order they were found in. */
export function renderShard(shard: ReadonlyMap<string, readonly number[]>, size: number): string {
  const words = [...shard.keys()].sort();
  return JSON.stringify(
    Object.fromEntries(words.map((word) => [word, encodeRankList(shard.get(word) ?? [], size)])),
  );
}

export function renderSearchBase(published: string, shards: Iterable<string>): string {
  return JSON.stringify({ published, shards: [...shards].sort() } satisfies SearchBase);
}

function range(from: number, to: number): number[] {
  return Array.from({ length: Math.max(0, to - from) }, (_, i) => from + i);
}

function json(value: unknown): string | undefined {
  return value === undefined ? undefined : JSON.stringify(value);
}
