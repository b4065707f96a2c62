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
  // Grouped by URL first: only the rare groups of two or more need ordering.
  const byUrl = new Map<string, T | T[]>();
  for (const entry of entries) {
    const group = byUrl.get(entry.article.url);
    if (group === undefined) byUrl.set(entry.article.url, entry);
    else if (Array.isArray(group)) group.push(entry);
    else byUrl.set(entry.article.url, [group, entry]);
  }
  const kept: T[] = [];
  const issues: SeedIssue[] = [];
  for (const group of byUrl.values()) {
    if (!Array.isArray(group)) {
      kept.push(group);
      continue;
    }
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
  // Usually in path order already (the folder is listed sorted), which this sort checks in one pass.
  kept.sort((a, b) => compare(a.file, b.file));
  return { kept, issues };
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
