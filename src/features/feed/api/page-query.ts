import type { QueryClient } from '@tanstack/react-query';
import type { ArticleSummary } from '../../../shared/article-schema.ts';
import { cardOf, dataPath, type DataPage, type NewsIndex } from '../../../shared/data-folder.ts';
import { dataFileQuery } from '../../../lib/data-file.ts';

/**
 * The full feed's pages (`a/<n>.json`): every card is stored once, in the page of its key, and
 * every view reads its cards from them. The page's data seeds the first screen's pages under this key.
 */
export const pageQuery = (index: NewsIndex, page: number) =>
  dataFileQuery<DataPage>(index, dataPath.page(page));

/** The card at `slot` of a page, with its rank, which the page does not store. */
export const cardAt = (page: DataPage, slot: number, rank: number): ArticleSummary | undefined => {
  const card = page.articles[slot];
  return card && { ...card, rank };
};

/** The cards at `ranks`, in that order, from the full feed's pages, all fetched side by side. */
export async function readCards(
  client: QueryClient,
  index: NewsIndex,
  ranks: readonly number[],
): Promise<ArticleSummary[]> {
  const places = ranks.map((rank) => cardOf(rank, index));
  const numbers = [...new Set(places.map(({ page }) => page))];
  const pages = await Promise.all(numbers.map((page) => client.query(pageQuery(index, page))));
  const byNumber = new Map(numbers.map((page, i) => [page, pages[i] as DataPage]));
  return places.flatMap(({ page, slot }, i) => {
    const stored = byNumber.get(page);
    return (stored && cardAt(stored, slot, ranks[i] ?? 0)) ?? [];
  });
}
