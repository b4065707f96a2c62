import type { ArticleSummary } from '../../../shared/article-schema.ts';
import { matchesQuery, type SearchClause } from '../../../lib/search-query.ts';
import { isTopicSelected } from '../../../shared/topics.ts';

/**
 * What the reader did with articles, kept on their device by each article's source URL (not a
 * build's id, so that it survives new builds): read, and saved. A saved article keeps a copy of
 * what its card showed, so that the Saved view shows it even once the archive no longer has it.
 */
export type Mark = { url: string; readAt?: number; saved?: SavedArticle };

export type SavedArticle = {
  savedAt: number;
  title: string;
  url: string;
  publishedAt: string;
  type: string;
  excerpt?: string;
  provider?: { name: string };
  topics: string[];
};

/** The copy a save keeps of a card. */
export const savedCopy = (article: ArticleSummary, savedAt: number): SavedArticle => ({
  savedAt,
  title: article.title,
  url: article.url,
  publishedAt: article.publishedAt,
  type: article.type,
  ...(article.excerpt ? { excerpt: article.excerpt } : {}),
  ...(article.provider ? { provider: { name: article.provider.name } } : {}),
  topics: article.topics,
});

/** Two marks of one URL as one: read when either is (the later time), saved when either is. */
export const mergeMarks = (a: Mark | undefined, b: Mark): Mark => {
  const readAt = Math.max(a?.readAt ?? 0, b.readAt ?? 0);
  const saved = a?.saved ?? b.saved;
  return { url: b.url, ...(readAt > 0 ? { readAt } : {}), ...(saved ? { saved } : {}) };
};

/** The saved articles matching a search (see search-query.ts) and topics (any of them), the last saved first. */
export function savedMatching(
  marks: Iterable<Mark>,
  { search, topics }: { search: readonly SearchClause[]; topics: readonly string[] },
): SavedArticle[] {
  return [...marks]
    .flatMap(({ saved }) => (saved ? [saved] : []))
    .filter((saved) => topics.length === 0 || saved.topics.some((topic) => isTopicSelected(topics, topic)))
    .filter((saved) => matchesQuery(saved, search))
    .sort((a, b) => b.savedAt - a.savedAt);
}

/** A saved copy as a card shows it: an article of no build, so with no related panel. */
export const savedAsSummary = (saved: SavedArticle): ArticleSummary => {
  const { savedAt, ...fields } = saved;
  return { ...fields, id: `saved-${savedAt}`, rank: 0, relatedCount: 0, published: true };
};
