import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { ArticleFields } from '../../shared/article-schema.ts';
import type { SeedIssue } from './issue.ts';
import { fieldName, normaliseSeed } from './normalise.ts';
import { parseFrontMatter } from './parse-front-matter.ts';

/** What parsing one file gave: the article's fields (unless rejected) and its problems. */
export type FileResult = { article?: ArticleFields; issues: SeedIssue[] };

/** A file's parse with the hash of the bytes it came from: what the parse cache keeps. */
export type ParsedFile = FileResult & { hash: string };

/** Parses one seed file's bytes; `file` (relative to the seeds folder) names it in every issue. */
export function parseSeed(bytes: Uint8Array, file: string): FileResult {
  const parsed = parseFrontMatter(bytes);
  if (!parsed.ok) {
    const line = parsed.line !== undefined ? { line: parsed.line } : {};
    return { issues: [{ severity: 'error', file, ...line, message: `${parsed.message}; the file was rejected` }] };
  }
  const normalised = normaliseSeed(parsed.data, file, parsed.lineOf);
  const tagWarnings = parsed.unknownTags.map(({ path, tag }): SeedIssue => {
    const line = parsed.lineOf(path);
    return {
      severity: 'warning',
      file,
      ...(line !== undefined ? { line } : {}),
      ...(path.length > 0 ? { field: fieldName(path) } : {}),
      message: `has the unknown YAML tag ${tag}; its value was read as plain text`,
    };
  });
  return { ...normalised, issues: [...tagWarnings, ...normalised.issues] };
}

/** The SHA-256 of a file's bytes: the parse cache's key to its content. */
export const contentHash = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('base64');

/**
 * Reads, hashes and parses one file (`full` is its path on disk, `file` its name in the report).
 * When its hash is `knownHash`, the parse is skipped and `parsed` is undefined.
 */
export function readSeed(
  full: string,
  file: string,
  knownHash?: string,
): { hash: string; parsed?: ParsedFile } | { error: string } {
  let bytes: Buffer;
  try {
    bytes = readFileSync(full);
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
  const hash = contentHash(bytes);
  return hash === knownHash ? { hash } : { hash, parsed: { hash, ...parseSeed(bytes, file) } };
}
