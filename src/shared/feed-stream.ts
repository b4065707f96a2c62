import type { ArticleSummary } from './article-schema.ts';
import {
  cardOf,
  dataPath,
  rankOfKey,
  type DataPage,
  type PageLayout,
  type TopBucket,
  type TopBuckets,
  type View,
} from './data-folder.ts';
import { decodeKeyList } from './ranks.ts';

/**
 * Reading the data folder page by page, with the fetching left to the caller. Each reader is
 * synchronous over what is at hand (`peek`) and names what it lacks; `readAll` fetches that and
 * reads again. So a read whose files are cached answers in the same task, with no await at all.
 * Nothing here knows about React or the network.
 */

/** A file if it is already at hand, without fetching anything. */
export type Peek<T = DataPage> = (file: string) => T | undefined;
/** What a synchronous read lacked: the files to fetch before trying again. */
export type Missing = { missing: string[] };

export const isMissing = (value: unknown): value is Missing =>
  typeof value === 'object' && value !== null && 'missing' in value;

/**
 * Runs a synchronous read (`attempt`) until it has every file it needs: each time it names the
 * files it lacks, they are loaded and it runs again. When everything is at hand already, this is
 * one synchronous pass, and callers that can use a value at once call `attempt` themselves.
 */
export async function readAll<T, F>(
  attempt: (peek: Peek<F>) => T | Missing,
  load: (file: string) => F | Promise<F>,
): Promise<T> {
  const files = new Map<string, F>();
  const pending = new Map<string, Promise<F>>();
  const peek: Peek<F> = (file) => {
    if (!files.has(file) && !pending.has(file)) {
      const loaded = load(file);
      if (loaded instanceof Promise) pending.set(file, loaded);
      else files.set(file, loaded);
    }
    return files.get(file);
  };
  for (;;) {
    const result = attempt(peek);
    if (!isMissing(result)) return result;
    const loaded = await Promise.all(result.missing.map((file) => pending.get(file) ?? load(file)));
    result.missing.forEach((file, i) => files.set(file, loaded[i] as F));
  }
}

/** How far a read of the full feed has got: how many articles it has passed, in its order. */
export type FeedCursor = { kind: 'feed'; offset: number };
/** How far a read of a rank list has got. */
export type RankCursor = { kind: 'ranks'; offset: number };
/** How far a read of the "top" order has got: its positions read. */
export type TopCursor = { kind: 'top'; offset: number };

export type StreamPage<C> = { articles: ArticleSummary[]; next: C | null };

/** The page of the full feed and the place in it of the card at `rank`. */
function placeOf(rank: number, layout: PageLayout): { file: string; slot: number } {
  const { page, slot } = cardOf(rank, layout);
  return { file: dataPath.page(page), slot };
}

/** The card at `rank` from its page, with its rank, which the page does not store. */
const cardAt = (page: DataPage, slot: number, rank: number): ArticleSummary | undefined => {
  const card = page.articles[slot];
  return card && { ...card, rank };
};

/**
 * The next `want` articles of the full feed, only published ones unless `view` is `all`: newest
 * first, or, when `oldest`, oldest first. Reads only the pages it needs.
 */
export function readFeedNow(
  layout: PageLayout,
  view: View,
  cursor: FeedCursor,
  want: number,
  peek: Peek,
  oldest = false,
): StreamPage<FeedCursor> | Missing {
  const count = layout.count.all;
  const articles: ArticleSummary[] = [];
  let offset = cursor.offset;
  for (; offset < count && articles.length < want; offset += 1) {
    const rank = oldest ? count - 1 - offset : offset;
    const { file, slot } = placeOf(rank, layout);
    const page = peek(file);
    if (!page) return { missing: [file] };
    const card = cardAt(page, slot, rank);
    if (card && (view === 'all' || card.published)) articles.push(card);
  }
  return { articles, next: offset < count ? { kind: 'feed', offset } : null };
}

/** The next `want` articles of an ascending rank list, read from the pages of the full feed. */
export function readRanksNow(
  ranks: ArrayLike<number>,
  cursor: RankCursor,
  want: number,
  layout: PageLayout,
  peek: Peek,
): StreamPage<RankCursor> | Missing {
  const end = Math.min(ranks.length, cursor.offset + want);
  const wanted = Array.from({ length: end - cursor.offset }, (_, i) => ranks[cursor.offset + i] ?? 0);
  const articles = cardsAt(wanted, layout, peek);
  if (isMissing(articles)) return articles;
  return { articles, next: end < ranks.length ? { kind: 'ranks', offset: end } : null };
}

/** The cards at `ranks`, from the full feed's pages; or every one of those pages still missing. */
function cardsAt(ranks: readonly number[], layout: PageLayout, peek: Peek): ArticleSummary[] | Missing {
  const places = ranks.map((rank) => placeOf(rank, layout));
  // Every page at once: the ranks say which, so they are fetched side by side.
  const missing = [...new Set(places.map(({ file }) => file))].filter((file) => !peek(file));
  if (missing.length > 0) return { missing };
  return places.flatMap(({ file, slot }, i) => cardAt(peek(file) as DataPage, slot, ranks[i] ?? 0) ?? []);
}

const decodedBuckets = new WeakMap<TopBucket, number[]>();
/** A bucket's keys, decoded once per file read: every later read of the order meets it again. */
function bucketKeys(bucket: TopBucket): number[] {
  let keys = decodedBuckets.get(bucket);
  if (!keys) {
    keys = decodeKeyList(bucket.keys);
    decodedBuckets.set(bucket, keys);
  }
  return keys;
}

/**
 * The next `want` articles in the "top" order (see TopBuckets), those `member` accepts (all,
 * without it), only published ones unless `view` is `all`, their cards read from the full
 * feed's pages. A bucket's keys ascend; the order reads each from its newest.
 */
export function readTopNow(
  layout: PageLayout,
  member: ((rank: number) => boolean) | undefined,
  view: View,
  cursor: TopCursor,
  want: number,
  peek: Peek<unknown>,
): StreamPage<TopCursor> | Missing {
  const buckets = peek(dataPath.topBuckets) as TopBuckets | undefined;
  if (!buckets) return { missing: [dataPath.topBuckets] };
  const found: number[] = [];
  let offset = cursor.offset;
  let start = 0;
  for (const { name, count } of buckets) {
    if (found.length === want) break;
    if (offset < start + count) {
      const file = dataPath.topBucket(name);
      const bucket = peek(file) as TopBucket | undefined;
      if (!bucket) return { missing: [file] };
      const keys = bucketKeys(bucket);
      for (; offset < start + count && found.length < want; offset += 1) {
        const rank = rankOfKey(keys[keys.length - 1 - (offset - start)] ?? 0, layout.count.all);
        if (!member || member(rank)) found.push(rank);
      }
    }
    start += count;
  }
  const cards = cardsAt(found, layout, peek as Peek);
  if (isMissing(cards)) return cards;
  const articles = cards.filter((article) => view === 'all' || article.published);
  return { articles, next: offset < start ? { kind: 'top', offset } : null };
}
