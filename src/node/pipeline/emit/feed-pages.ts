import type { Article, ArticleSummary } from '../../../shared/article-schema.ts';
import { dataPath, type DataPage, type RelatedPage } from '../../../shared/data-folder.ts';
import type { DataFile } from './data-file.ts';

/** What a card shows of the article at `rank`: everything but its related items, and their count. */
export function summaryOf(article: Article, rank: number): ArticleSummary {
  const { id, related, ...fields } = article;
  return { id, rank, ...fields, relatedCount: related.length };
}

/** `a/<n>.json`: the full feed, newest first, `pageSize` articles a page (ranks are positions in it). */
export function feedPages(summaries: readonly ArticleSummary[], pageSize: number): DataFile[] {
  return pagesOf(summaries.length, pageSize).map(([from, to], page) => {
    const data: DataPage = { ranks: range(from, to), articles: summaries.slice(from, to) };
    return { path: dataPath.page(page), data };
  });
}

/** `r/<n>.json`: the related items of the articles of `a/<n>.json`, read when a panel opens. */
export function relatedPages(articles: readonly Article[], pageSize: number): DataFile[] {
  return pagesOf(articles.length, pageSize).map(([from, to], page) => {
    const data: RelatedPage = articles.slice(from, to).map((article) => article.related);
    return { path: dataPath.relatedPage(page), data };
  });
}

/** The `[from, to)` positions of each page of `count` items. */
const pagesOf = (count: number, pageSize: number): [number, number][] =>
  Array.from({ length: Math.ceil(count / pageSize) }, (_, page) => [
    page * pageSize,
    Math.min(count, (page + 1) * pageSize),
  ]);

export const range = (from: number, to: number): number[] =>
  Array.from({ length: Math.max(0, to - from) }, (_, i) => from + i);
