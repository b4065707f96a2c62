import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
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

/** What reading one file gave: its parse, or only its hash when that is the one already known. */
export type FileRead =
  | { kind: 'parsed'; hash: string; result: FileResult }
  | { kind: 'unchanged'; hash: string }
  | { kind: 'unreadable'; reason: string };

/**
 * Reads, hashes and parses one file (`full` is its path on disk, `file` its name in the report),
 * skipping the parse when its content hash is `knownHash`. Synchronous: it runs on the parse
 * workers, one file after another, and on the main thread only for a handful of files.
 */
export function readSeed(full: string, file: string, knownHash?: string): FileRead {
  let bytes: Buffer;
  try {
    bytes = readFileSync(full);
  } catch (error) {
    return { kind: 'unreadable', reason: error instanceof Error ? error.message : String(error) };
  }
  const hash = createHash('sha256').update(bytes).digest('base64');
  if (hash === knownHash) return { kind: 'unchanged', hash };
  return { kind: 'parsed', hash, result: parseSeed(bytes, file) };
}
