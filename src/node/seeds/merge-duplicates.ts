import type { Article } from '../../shared/article-schema.ts';
import type { SeedIssue } from './issue.ts';

/** What the rule reads of an article: its source URL and whether it is published. */
type Sourced = { file: string; article: Pick<Article, 'url' | 'published'> };

/**
 * Two files with the same source URL are one article. The rule, deterministic and documented in
 * the README: a published article wins over an unpublished one; among equals, the file whose path
 * sorts first wins. The other file gets a warning naming the one that was kept. The kept entries
 * come back in path order.
 */
export function mergeDuplicates<T extends Sourced>(entries: readonly T[]): { kept: T[]; issues: SeedIssue[] } {
  const byUrl = new Map<string, T[]>();
  for (const entry of entries) byUrl.set(entry.article.url, [...(byUrl.get(entry.article.url) ?? []), entry]);
  const kept: T[] = [];
  const issues: SeedIssue[] = [];
  for (const group of byUrl.values()) {
    const [winner, ...others] = group.sort(
      (a, b) => Number(b.article.published) - Number(a.article.published) || compare(a.file, b.file),
    ) as [T, ...T[]];
    kept.push(winner);
    for (const entry of others) {
      issues.push({
        severity: 'warning',
        file: entry.file,
        field: 'originalUrl',
        message: `has the same source URL (${winner.article.url}) as ${winner.file}; they are one article and ${winner.file} was kept`,
      });
    }
  }
  kept.sort((a, b) => compare(a.file, b.file));
  return { kept, issues };
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
