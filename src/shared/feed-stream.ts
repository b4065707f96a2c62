import type { ArticleSummary } from './article-schema.ts';
import { dataPath, topOrderPageSize, type DataPage, type TopOrderPage, type View } from './data-folder.ts';

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

/** A list of articles stored in files: `count` articles, the `i`-th of them in `locate(i)`. */
export type Source = { count: number; locate: (i: number) => { file: string; slot: number } };

/** The full feed: `count` articles, `pageSize` to a file. */
export const feedSource = (count: number, pageSize: number): Source => ({
  count,
  locate: (i) => ({ file: dataPath.page(Math.floor(i / pageSize)), slot: i % pageSize }),
});

/** How far a merged read has got: articles consumed from each source. */
export type MergeCursor = { kind: 'merge'; consumed: number[] };
/** How far a read of a rank list has got. */
export type RankCursor = { kind: 'ranks'; offset: number };
/** How far a read of the "top" order has got: its positions read. */
export type TopCursor = { kind: 'top'; offset: number };

export type StreamPage<C> = { articles: ArticleSummary[]; next: C | null };

/** A source read from its oldest article. */
export const oldestFirst = (source: Source): Source => ({
  count: source.count,
  locate: (i) => source.locate(source.count - 1 - i),
});

/**
 * The next `want` articles of the union of `sources`, each once, only published ones unless
 * `view` is `all`: newest first, or, when `oldest`, oldest first (the sources read oldest first,
 * see oldestFirst). Reads only the pages it needs.
 */
export function readMergedNow(
  sources: readonly Source[],
  view: View,
  cursor: MergeCursor,
  want: number,
  peek: Peek,
  oldest = false,
): StreamPage<MergeCursor> | Missing {
  const consumed = sources.map((_, i) => cursor.consumed[i] ?? 0);
  const articles: ArticleSummary[] = [];
  // Ranks ascend in feed order: the next article is the head of lowest rank, or, oldest first, of highest.
  const none = oldest ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
  const sooner = (rank: number, than: number) => (oldest ? rank > than : rank < than);
  while (articles.length < want) {
    let best = none;
    let bestArticle: ArticleSummary | undefined;
    const heads: number[] = [];
    for (const [i, source] of sources.entries()) {
      if ((consumed[i] ?? 0) >= source.count) {
        heads.push(none);
        continue;
      }
      const { file, slot } = source.locate(consumed[i] ?? 0);
      const page = peek(file);
      if (!page) return { missing: [file] };
      const rank = page.ranks[slot] ?? none;
      heads.push(rank);
      if (sooner(rank, best)) {
        best = rank;
        bestArticle = page.articles[slot];
      }
    }
    if (!bestArticle) break;
    // An article in several sources is consumed from each of them at once.
    for (const [i, rank] of heads.entries()) if (rank === best) consumed[i] = (consumed[i] ?? 0) + 1;
    if (view === 'all' || bestArticle.published) articles.push(bestArticle);
  }
  const open = sources.some((source, i) => (consumed[i] ?? 0) < source.count);
  return { articles, next: open ? { kind: 'merge', consumed } : null };
}

/** The next `want` articles of an ascending rank list, read from the pages of the full feed. */
export function readRanksNow(
  ranks: ArrayLike<number>,
  cursor: RankCursor,
  want: number,
  pageSize: number,
  file: (page: number) => string,
  peek: Peek,
): StreamPage<RankCursor> | Missing {
  const end = Math.min(ranks.length, cursor.offset + want);
  const wanted = Array.from({ length: end - cursor.offset }, (_, i) => ranks[cursor.offset + i] ?? 0);
  const articles = cardsAt(wanted, pageSize, file, peek);
  if (isMissing(articles)) return articles;
  return { articles, next: end < ranks.length ? { kind: 'ranks', offset: end } : null };
}

/** The cards at `ranks`, from the pages `file` names; or every one of those pages still missing. */
function cardsAt(
  ranks: readonly number[],
  pageSize: number,
  file: (page: number) => string,
  peek: Peek,
): ArticleSummary[] | Missing {
  // Every page at once: the ranks say which, so they are fetched side by side.
  const missing = [...new Set(ranks.map((rank) => file(Math.floor(rank / pageSize))))].filter(
    (name) => !peek(name),
  );
  if (missing.length > 0) return { missing };
  return ranks.map(
    (rank) =>
      (peek(file(Math.floor(rank / pageSize))) as DataPage).articles[rank % pageSize] as ArticleSummary,
  );
}

/**
 * The next `want` articles in the "top" order (see dataPath.topOrder) of `count` articles, those
 * `member` accepts (all, without it), only published ones unless `view` is `all`, their cards read
 * from the full feed's pages.
 */
export function readTopNow(
  count: number,
  member: ((rank: number) => boolean) | undefined,
  view: View,
  cursor: TopCursor,
  want: number,
  pageSize: number,
  peek: Peek<unknown>,
): StreamPage<TopCursor> | Missing {
  const found: number[] = [];
  let offset = cursor.offset;
  while (found.length < want && offset < count) {
    const file = dataPath.topOrder(Math.floor(offset / topOrderPageSize));
    const page = peek(file) as TopOrderPage | undefined;
    if (!page) return { missing: [file] };
    const end = Math.min(count, (Math.floor(offset / topOrderPageSize) + 1) * topOrderPageSize);
    for (; offset < end && found.length < want; offset += 1) {
      const rank = page.ranks[offset % topOrderPageSize] ?? 0;
      if (!member || member(rank)) found.push(rank);
    }
  }
  const cards = cardsAt(found, pageSize, dataPath.page, peek as Peek);
  if (isMissing(cards)) return cards;
  const articles = cards.filter((article) => view === 'all' || article.published);
  return { articles, next: offset < count ? { kind: 'top', offset } : null };
}
