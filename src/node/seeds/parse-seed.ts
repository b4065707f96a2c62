import { createHash } from 'node:crypto';
import { closeSync, openSync, readSync } from 'node:fs';
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
    bytes = readBytes(full);
  } catch (error) {
    return { kind: 'unreadable', reason: error instanceof Error ? error.message : String(error) };
  }
  const hash = createHash('sha256').update(bytes).digest('base64');
  if (hash === knownHash) return { kind: 'unchanged', hash };
  return { kind: 'parsed', hash, result: parseSeed(bytes, file) };
}

/** One buffer per thread, reused file after file: a seed is a few kilobytes. */
let scratch = Buffer.allocUnsafe(64 * 1024);

/**
 * A file's bytes, read into the thread's reusable buffer (no stat, no allocation per file, unlike
 * readFileSync): valid only until the next call, so nothing may keep them. A larger file gets a
 * buffer of its own.
 */
function readBytes(full: string): Buffer {
  const fd = openSync(full, 'r');
  try {
    let buffer = scratch;
    let length = 0;
    for (;;) {
      if (length === buffer.length) {
        const larger = Buffer.allocUnsafe(buffer.length * 2);
        buffer.copy(larger, 0, 0, length);
        buffer = larger;
      }
      const read = readSync(fd, buffer, length, buffer.length - length, null);
      if (read === 0) break;
      length += read;
    }
    if (buffer !== scratch && buffer.length <= 1024 * 1024) scratch = buffer;
    return buffer.subarray(0, length);
  } finally {
    closeSync(fd);
  }
}
