import type { Article } from './article-schema.ts';
import type { DataPage, View } from './feed-data.ts';

/**
 * Reading the data folder page by page, with the fetching left to the caller: `load` returns a
 * page at once when it has it, or a promise. Nothing here knows about React or the network.
 */

export type Load = (file: string) => DataPage | Promise<DataPage>;

/** A list of articles stored as pages: `count` articles, page `n` in `file(n)`. */
export type Source = { count: number; file: (page: number) => string };

/** How far a merged read has got: articles consumed from each source. */
export type MergeCursor = { kind: 'merge'; consumed: number[] };
/** How far a read of a rank list has got. */
export type RankCursor = { kind: 'ranks'; offset: number };

export type StreamPage<C> = { articles: Article[]; next: C | null };

/**
 * The next `want` articles of the union of `sources` (each newest first), newest first, each
 * once, only published ones unless `view` is `a`. Reads only the pages it needs.
 */
export async function readMerged(
  sources: readonly Source[],
  view: View,
  cursor: MergeCursor,
  want: number,
  pageSize: number,
  load: Load,
): Promise<StreamPage<MergeCursor>> {
  const consumed = sources.map((_, i) => cursor.consumed[i] ?? 0);
  const pages = new Map<string, DataPage>();
  const pageOf = async (i: number): Promise<DataPage> => {
    const file = (sources[i] as Source).file(Math.floor((consumed[i] ?? 0) / pageSize));
    let page = pages.get(file);
    if (!page) {
      const loaded = load(file);
      page = loaded instanceof Promise ? await loaded : loaded;
      pages.set(file, page);
    }
    return page;
  };
  const articles: Article[] = [];
  while (articles.length < want) {
    // The newest head among the sources still open; ranks ascend in feed order.
    let best = Number.POSITIVE_INFINITY;
    let bestArticle: Article | undefined;
    const heads: number[] = [];
    for (const [i, source] of sources.entries()) {
      if ((consumed[i] ?? 0) >= source.count) {
        heads.push(Number.POSITIVE_INFINITY);
        continue;
      }
      const page = await pageOf(i);
      const slot = (consumed[i] ?? 0) % pageSize;
      const rank = page.ranks[slot] ?? Number.POSITIVE_INFINITY;
      heads.push(rank);
      if (rank < best) {
        best = rank;
        bestArticle = page.articles[slot];
      }
    }
    if (!bestArticle) break;
    // An article in several sources is consumed from each of them at once.
    for (const [i, rank] of heads.entries()) if (rank === best) consumed[i] = (consumed[i] ?? 0) + 1;
    if (view === 'a' || bestArticle.published) articles.push(bestArticle);
  }
  const open = sources.some((source, i) => (consumed[i] ?? 0) < source.count);
  return { articles, next: open ? { kind: 'merge', consumed } : null };
}

/** The next `want` articles of an ascending rank list, read from the pages of the full feed. */
export async function readRanks(
  ranks: ArrayLike<number>,
  cursor: RankCursor,
  want: number,
  pageSize: number,
  file: (page: number) => string,
  load: Load,
): Promise<StreamPage<RankCursor>> {
  const end = Math.min(ranks.length, cursor.offset + want);
  const wanted = Array.from({ length: end - cursor.offset }, (_, i) => ranks[cursor.offset + i] ?? 0);
  const files = [...new Set(wanted.map((rank) => file(Math.floor(rank / pageSize))))];
  const loaded = new Map(await Promise.all(files.map(async (name) => [name, await load(name)] as const)));
  const articles = wanted.map((rank) => {
    const page = loaded.get(file(Math.floor(rank / pageSize))) as DataPage;
    return page.articles[rank % pageSize] as Article;
  });
  return { articles, next: end < ranks.length ? { kind: 'ranks', offset: end } : null };
}
