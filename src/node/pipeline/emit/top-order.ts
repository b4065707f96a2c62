import type { Article } from '../../../shared/article-schema.ts';
import { dataPath, rankOfKey, topOrderPageSize, type TopOrderPage } from '../../../shared/data-folder.ts';
import type { DataFile } from './data-file.ts';

/**
 * `top/<n>.json`: every key in the "top" order, the archive's own `quality` highest first (an
 * article without one last), then newest first, `topOrderPageSize` a file. The cards are read
 * from the full feed's pages, where each is stored once.
 */
export function topOrderFiles(articles: readonly Article[]): DataFile[] {
  const count = articles.length;
  const quality = (rank: number) => articles[rank]?.quality ?? Number.NEGATIVE_INFINITY;
  const order = articles
    .map((_, rank) => rank)
    .sort((a, b) => quality(b) - quality(a) || a - b)
    .map((rank) => rankOfKey(rank, count));
  return Array.from({ length: Math.max(1, Math.ceil(order.length / topOrderPageSize)) }, (_, page) => {
    const data: TopOrderPage = { keys: order.slice(page * topOrderPageSize, (page + 1) * topOrderPageSize) };
    return { path: dataPath.topOrder(page), data };
  });
}
