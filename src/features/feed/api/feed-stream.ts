import type { QueryClient } from '@tanstack/react-query';
import type { ArticleSummary } from '../../../shared/article-schema.ts';
import { cardOf, type NewsIndex, type View } from '../../../shared/data-folder.ts';
import { cardAt, pageQuery, readCards } from './page-query.ts';

/** Reading the feed's articles in order, from the full feed's pages, fetching only what a read needs. */

/** How far a read of the full feed has got: how many articles it has passed, in its order. */
export type FeedCursor = { kind: 'feed'; offset: number };
/** How far a read of a rank list has got. */
export type RankCursor = { kind: 'ranks'; offset: number };

export type StreamPage<C> = { articles: ArticleSummary[]; next: C | null };

/**
 * The next `want` articles of the full feed, only published ones unless `view` is `all`: newest
 * first, or, when `oldest`, oldest first. Reads only the pages it needs, one after the other.
 */
export async function readFullFeed(
  client: QueryClient,
  index: NewsIndex,
  view: View,
  cursor: FeedCursor,
  want: number,
  oldest = false,
): Promise<StreamPage<FeedCursor>> {
  const count = index.count.all;
  const rankAt = (offset: number) => (oldest ? count - 1 - offset : offset);
  const articles: ArticleSummary[] = [];
  let offset = cursor.offset;
  while (offset < count && articles.length < want) {
    const number = cardOf(rankAt(offset), index).page;
    const page = await client.query(pageQuery(index, number));
    for (; offset < count && articles.length < want; offset += 1) {
      const rank = rankAt(offset);
      const { page: on, slot } = cardOf(rank, index);
      if (on !== number) break;
      const card = cardAt(page, slot, rank);
      if (card && (view === 'all' || card.published)) articles.push(card);
    }
  }
  return { articles, next: offset < count ? { kind: 'feed', offset } : null };
}

/** The next `want` articles of a rank list, read from the pages of the full feed. */
export async function readRanks(
  client: QueryClient,
  index: NewsIndex,
  ranks: ArrayLike<number>,
  cursor: RankCursor,
  want: number,
): Promise<StreamPage<RankCursor>> {
  const end = Math.min(ranks.length, cursor.offset + want);
  const wanted = Array.from({ length: end - cursor.offset }, (_, i) => ranks[cursor.offset + i] ?? 0);
  const articles = await readCards(client, index, wanted);
  return { articles, next: end < ranks.length ? { kind: 'ranks', offset: end } : null };
}
