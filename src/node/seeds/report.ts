import type { SeedIssue } from './issue.ts';

export type SeedSummary = {
  filesRead: number;
  articlesKept: number;
  filesRejected: number;
  warnings: number;
};

/** `seeds/a.md:12: error: title: is missing; the file was rejected` */
export function formatIssue(issue: SeedIssue, folderLabel = ''): string {
  const location = `${folderLabel}${issue.file}${issue.line !== undefined ? `:${issue.line}` : ''}`;
  const field = issue.field !== undefined ? `${issue.field}: ` : '';
  return `${location}: ${issue.severity}: ${field}${issue.message}`;
}

export function formatSummary(summary: SeedSummary): string {
  const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;
  return [
    `${plural(summary.filesRead, 'file')} read`,
    `${plural(summary.articlesKept, 'article')} kept`,
    `${plural(summary.filesRejected, 'file')} rejected`,
    plural(summary.warnings, 'warning'),
  ].join(', ');
}

/** The whole report: one line per issue, in file order, then any `notes`, then the summary line. */
export function formatReport(
  issues: readonly SeedIssue[],
  summary: SeedSummary,
  folderLabel = '',
  notes: readonly string[] = [],
): string {
  return [...issues.map((issue) => formatIssue(issue, folderLabel)), ...notes, formatSummary(summary)].join('\n');
}
