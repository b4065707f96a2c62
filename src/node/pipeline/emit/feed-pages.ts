import type { Article, ArticleSummary } from '../../../shared/article-schema.ts';
import {
  dataPath,
  firstScreenCards,
  type Coverage,
  type DataPage,
  type RelatedPage,
} from '../../../shared/data-folder.ts';
import type { DataFile } from './data-file.ts';

/**
 * What a card shows of the article at `rank`: everything but its related items, how many items
 * its panel lists (`coverage`, when known; else its own related items), and its story.
 */
export function summaryOf(
  article: Article,
  rank: number,
  coverage?: Coverage,
  story?: ArticleSummary['story'],
): ArticleSummary {
  const { id, related, ...fields } = article;
  const relatedCount = coverage ? coverage.sameStory.length + coverage.related.length : related.length;
  return { id, rank, ...fields, relatedCount, ...(story ? { story } : {}) };
}

/** `a/<n>.json`: the full feed, newest first, `pageSize` articles a page (ranks are positions in it). */
export function feedPages(summaries: readonly ArticleSummary[], pageSize: number): DataFile[] {
  return pagesOf(summaries.length, pageSize).map(([from, to], page) => {
    const data: DataPage = { ranks: range(from, to), articles: summaries.slice(from, to) };
    return { path: dataPath.page(page), data };
  });
}

/**
 * What the first screen of the default view (published articles, newest first, one card per
 * story) reads: the pages of the full feed up to its last card, and the image of its first card.
 */
export function firstScreenOf(
  summaries: readonly ArticleSummary[],
  pageSize: number,
): { pages: string[]; image?: string } {
  const stories = new Set<string>();
  const cards: ArticleSummary[] = [];
  for (const summary of summaries) {
    if (cards.length === firstScreenCards) break;
    if (!summary.published || (summary.story && stories.has(summary.story.id))) continue;
    if (summary.story) stories.add(summary.story.id);
    cards.push(summary);
  }
  const last = cards.at(-1)?.rank ?? -1;
  const pages = range(0, Math.floor(last / pageSize) + 1).map((page) => dataPath.page(page));
  const image = cards[0]?.image?.url;
  return { pages, ...(image ? { image } : {}) };
}

/** `r/<n>.json`: what the panels of the articles of `a/<n>.json` list, read when one opens. */
export function relatedPages(coverage: readonly Coverage[], pageSize: number): DataFile[] {
  return pagesOf(coverage.length, pageSize).map(([from, to], page) => {
    const data: RelatedPage = coverage.slice(from, to);
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
