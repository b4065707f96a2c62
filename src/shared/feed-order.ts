import type { Article } from './article-schema.ts';

/** Newest first; equal times fall back to the id so the order never depends on input order. */
export function compareNewestFirst(
  a: Pick<Article, 'publishedAt' | 'id'>,
  b: Pick<Article, 'publishedAt' | 'id'>,
): number {
  if (a.publishedAt !== b.publishedAt) return a.publishedAt < b.publishedAt ? 1 : -1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
