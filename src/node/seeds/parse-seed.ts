import type { ArticleFields } from '../../shared/article-schema.ts';
import type { SeedIssue } from './issue.ts';
import { normaliseSeed } from './normalise.ts';
import { parseFrontMatter } from './parse-front-matter.ts';

/** What parsing one file gave: the article's fields (unless rejected) and its problems. */
export type FileResult = { article?: ArticleFields; issues: SeedIssue[] };

/** Parses one seed file's bytes; `file` (relative to the seeds folder) names it in every issue. */
export function parseSeed(bytes: Uint8Array, file: string): FileResult {
  const parsed = parseFrontMatter(bytes);
  if (parsed.ok) return normaliseSeed(parsed.data, file, parsed.lineOf);
  return {
    issues: [
      {
        severity: 'error',
        file,
        ...(parsed.line !== undefined ? { line: parsed.line } : {}),
        message: `${parsed.message}; the file was rejected`,
      },
    ],
  };
}
