import type { Article } from '../../shared/article-schema.ts';
import type { SeedIssue } from './issue.ts';

/** What the rule reads of an article: enough to merge without the articles themselves. */
type Sourced = { file: string; article: Pick<Article, 'url' | 'published'> };

/**
 * Two files with the same source URL are one article. The rule, deterministic and documented in
 * the README: a published article wins over an unpublished one; among equals, the file whose path
 * sorts first wins. The other file gets a warning naming the one that was kept.
 */
export function mergeDuplicates<T extends Sourced>(
  entries: readonly T[],
): {
  kept: T[];
  issues: SeedIssue[];
} {
  const winners = new Map<string, T>();
  const issues: SeedIssue[] = [];
  const ordered = [...entries].sort(
    (a, b) => Number(b.article.published) - Number(a.article.published) || compare(a.file, b.file),
  );
  for (const entry of ordered) {
    const winner = winners.get(entry.article.url);
    if (winner === undefined) {
      winners.set(entry.article.url, entry);
      continue;
    }
    issues.push({
      severity: 'warning',
      file: entry.file,
      field: 'originalUrl',
      message: `has the same source URL (${winner.article.url}) as ${winner.file}; they are one article and ${winner.file} was kept`,
    });
  }
  const kept = [...winners.values()].sort((a, b) => compare(a.file, b.file));
  return { kept, issues };
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
