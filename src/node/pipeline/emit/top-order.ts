import type { Article, ArticleSummary } from '../../../shared/article-schema.ts';
import { dataPath, topOrderPageSize, type TopOrderPage } from '../../../shared/data-folder.ts';
import type { DataFile } from './data-file.ts';

/**
 * `top/<n>.json`: every rank in the "top" order, the archive's own `quality` highest first (an
 * article without one last), then newest first, `topOrderPageSize` a file; the first file also
 * holds the cards of its first `pageSize` articles (see TopOrderPage).
 */
export function topOrderFiles(
  articles: readonly Article[],
  summaries: readonly ArticleSummary[],
  pageSize: number,
): DataFile[] {
  const quality = (rank: number) => articles[rank]?.quality ?? Number.NEGATIVE_INFINITY;
  const order = articles.map((_, rank) => rank).sort((a, b) => quality(b) - quality(a) || a - b);
  return Array.from({ length: Math.max(1, Math.ceil(order.length / topOrderPageSize)) }, (_, page) => {
    const ranks = order.slice(page * topOrderPageSize, (page + 1) * topOrderPageSize);
    const first = ranks.slice(0, pageSize).map((rank) => summaries[rank] as ArticleSummary);
    const data: TopOrderPage = page === 0 ? { ranks, articles: first } : { ranks };
    return { path: dataPath.topOrder(page), data };
  });
}
