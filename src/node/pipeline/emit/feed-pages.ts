import type { Article, ArticleSummary } from '../../../shared/article-schema.ts';
import {
  dataPath,
  firstScreenCards,
  rankOfKey,
  type Coverage,
  type DataPage,
  type RelatedPage,
  type StoredCard,
} from '../../../shared/data-folder.ts';
import type { DataFile } from './data-file.ts';
import { byKey } from './keys.ts';

/**
 * What a card shows of an article: everything but its related items, how many items its panel
 * lists (`coverage`, when known; else its own related items), and its story.
 */
export function summaryOf(
  article: Article,
  coverage?: Coverage,
  story?: ArticleSummary['story'],
): StoredCard {
  const { id, related, ...fields } = article;
  const relatedCount = coverage ? coverage.sameStory.length + coverage.related.length : related.length;
  return { id, ...fields, relatedCount, ...(story ? { story } : {}) };
}

/**
 * What a long-lived process keeps of the cards from run to run: the last run's articles (newest
 * first), the panel of each and its card. A card made of the same things is the same object, so
 * that the pages holding it compare equal at once (see renderDataFolder; at 100,000 articles,
 * comparing every page with the last run's took 0.55 s of each dev-server edit, 0.08 s with cards
 * kept).
 */
export type CardMemo = {
  last?: { articles: readonly Article[]; coverage: readonly Coverage[]; cards: readonly StoredCard[] };
};

/**
 * Each article's card (see summaryOf), by rank, with its panel and story at that rank. With a
 * `memo`, the last run's card at the article's key (its place counted from the oldest) while the
 * article and its panel there are the same objects: a panel is the same only while its story's
 * articles are (see coverageOf), of which the card's story is made. Matched by place, not looked
 * up by article: at 100,000 articles, the cards of an edit took 0.03-0.04 s so, 0.012 s by place.
 */
export function cardsOf(
  articles: readonly Article[],
  coverage: readonly Coverage[],
  stories: readonly ArticleSummary['story'][],
  memo?: CardMemo,
): StoredCard[] {
  const last = memo?.last;
  // The last run's rank of the article at a key.
  const shift = (last?.articles.length ?? 0) - articles.length;
  const cards = articles.map((article, rank) =>
    last?.articles[rank + shift] === article && last.coverage[rank + shift] === coverage[rank]
      ? (last.cards[rank + shift] as StoredCard)
      : summaryOf(article, coverage[rank], stories[rank]),
  );
  if (memo) memo.last = { articles, coverage, cards };
  return cards;
}

/** What a long-lived process keeps of a kind of page: the last run's items, oldest first, and pages. */
export type PageMemo<T, P> = { last?: { oldestFirst: readonly T[]; pages: readonly P[] } };

/**
 * `a/<n>.json`: the full feed's cards by key, oldest first, `pageSize` a page: a newer article
 * goes into the last page, and the others keep their bytes. `cards` are newest first.
 */
export function feedPages(
  cards: readonly StoredCard[],
  pageSize: number,
  memo?: PageMemo<StoredCard, DataPage>,
): DataFile[] {
  return keyedPages(cards, pageSize, (articles): DataPage => ({ articles }), memo).map((data, page) => ({
    path: dataPath.page(page),
    data,
  }));
}

/**
 * What the first screen of the default view (published articles, newest first, one card per
 * story) reads: the pages of the full feed from the newest to its last card, and the image of its
 * first card. `cards` are newest first.
 */
export function firstScreenOf(
  cards: readonly StoredCard[],
  pageSize: number,
): { pages: string[]; image?: string } {
  const stories = new Set<string>();
  let shown = 0;
  let last = -1;
  let image: string | undefined;
  for (const [rank, card] of cards.entries()) {
    if (shown === firstScreenCards) break;
    if (!card.published || (card.story && stories.has(card.story.id))) continue;
    if (card.story) stories.add(card.story.id);
    if (shown === 0) image = card.image?.url;
    shown += 1;
    last = rank;
  }
  const count = cards.length;
  const pages =
    shown === 0
      ? []
      : range(Math.floor(rankOfKey(last, count) / pageSize), Math.floor((count - 1) / pageSize) + 1);
  return { pages: pages.reverse().map((page) => dataPath.page(page)), ...(image ? { image } : {}) };
}

/**
 * `r/<n>.json`: what the panels of the articles of `a/<n>.json` list, read when one opens, in the
 * same order. `coverage` is newest first.
 */
export function relatedPages(
  coverage: readonly Coverage[],
  pageSize: number,
  memo?: PageMemo<Coverage, RelatedPage>,
): DataFile[] {
  return keyedPages(coverage, pageSize, (panels): RelatedPage => panels, memo).map((data, page) => ({
    path: dataPath.relatedPage(page),
    data,
  }));
}

/**
 * `make` of each page of `pageSize` items by key (`newestFirst` turned oldest first). With a
 * `memo`, the last run's page where it holds the same items (the same objects): such a page is
 * then the same object, which the render finds equal at once rather than in depth (see
 * renderDataFolder; at 100,000 articles, the render of a dev-server edit took 0.13-0.2 s with
 * every page made again, 0.09-0.14 s so).
 */
function keyedPages<T, P>(
  newestFirst: readonly T[],
  pageSize: number,
  make: (items: T[]) => P,
  memo?: PageMemo<T, P>,
): P[] {
  const oldestFirst = byKey(newestFirst);
  const last = memo?.last;
  const pages = pagesOf(oldestFirst.length, pageSize).map(([from, to], page) => {
    const kept = last?.pages[page];
    const same =
      last !== undefined &&
      kept !== undefined &&
      Math.min(last.oldestFirst.length, from + pageSize) === to &&
      range(from, to).every((key) => oldestFirst[key] === last.oldestFirst[key]);
    return same ? kept : make(oldestFirst.slice(from, to));
  });
  if (memo) memo.last = { oldestFirst, pages };
  return pages;
}

/** The `[from, to)` positions of each page of `count` items. */
const pagesOf = (count: number, pageSize: number): [number, number][] =>
  Array.from({ length: Math.ceil(count / pageSize) }, (_, page) => [
    page * pageSize,
    Math.min(count, (page + 1) * pageSize),
  ]);

export const range = (from: number, to: number): number[] =>
  Array.from({ length: Math.max(0, to - from) }, (_, i) => from + i);
