import type { ArticleSummary } from './article-schema.ts';
import { searchTokens } from './search-words.ts';
import { isTopicSelected } from './topics.ts';

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

/**
 * The saved articles matching a search (every word starts a word of the title, excerpt, source or
 * topics, as in the feed) and topics (any of them), the last saved first.
 */
export function savedMatching(
  marks: Iterable<Mark>,
  { words, topics }: { words: readonly string[]; topics: readonly string[] },
): SavedArticle[] {
  return [...marks]
    .flatMap(({ saved }) => (saved ? [saved] : []))
    .filter((saved) => topics.length === 0 || saved.topics.some((topic) => isTopicSelected(topics, topic)))
    .filter((saved) => {
      if (words.length === 0) return true;
      const tokens = searchTokens(
        [saved.title, saved.excerpt, saved.provider?.name, ...saved.topics].join(' '),
      );
      return words.every((word) => tokens.some((token) => token.startsWith(word)));
    })
    .sort((a, b) => b.savedAt - a.savedAt);
}

/** A saved copy as a card shows it: an article of no build, so with no related panel. */
export const savedAsSummary = (saved: SavedArticle): ArticleSummary => {
  const { savedAt, ...fields } = saved;
  return { ...fields, id: `saved-${savedAt}`, rank: 0, relatedCount: 0, published: true };
};
