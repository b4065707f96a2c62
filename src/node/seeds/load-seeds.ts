import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Article } from '../../shared/article-schema.ts';
import { compareNewestFirst } from '../../shared/feed-order.ts';
import { mapLimit } from '../map-limit.ts';
import { articleIds } from './article-id.ts';
import type { SeedIssue } from './issue.ts';
import { listSeedFiles } from './list-files.ts';
import { mergeDuplicates } from './merge-duplicates.ts';
import { openParseCache } from './parse-cache.ts';
import { createParsePool, type ParsePool } from './parse-pool.ts';
import { parseSeed, type FileResult } from './parse-seed.ts';
import type { SeedSummary } from './report.ts';

export type SeedLoad = {
  /** Every kept article, published or not, newest first. */
  articles: Article[];
  /** Every problem, sorted by file and line. */
  issues: SeedIssue[];
  summary: SeedSummary;
  /** Files parsed in this load, and files whose unchanged content came from the cache. */
  stats: { parsed: number; cached: number };
};

export type SeedLoaderOptions = {
  /** A folder that keeps parsed files across processes (builds), by path and content. */
  cacheDir?: string;
};

/** Files read at once: enough to keep the disk and the parse workers busy, never EMFILE. */
const readConcurrency = 256;
/** Below this many files to parse, starting worker threads costs more than it saves. */
const poolThreshold = 500;

/**
 * Reads a seeds folder into articles and a report. One loader keeps a cache of parsed files keyed
 * by path and content (size and modification time first, then a hash), so the dev server
 * re-parses only what changed; with `cacheDir`, the cache also outlives the process, so a rebuild
 * after one edit reads and parses one file.
 */
export function createSeedLoader(options: SeedLoaderOptions = {}) {
  const cache = openParseCache(options.cacheDir);
  let stats = { parsed: 0, cached: 0 };

  async function parseFile(root: string, file: string, pool?: ParsePool): Promise<FileResult> {
    const full = path.join(root, file);
    let bytes: Buffer;
    let size: number;
    let mtimeMs: number;
    const cached = cache.get(file);
    try {
      ({ size, mtimeMs } = await stat(full));
      // Same size and modification time as when it was parsed: not even read again.
      if (cached && cached.size === size && cached.mtimeMs === mtimeMs) {
        stats.cached += 1;
        return cached.result;
      }
      bytes = await readFile(full);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      return { issues: [{ severity: 'error', file, message: `could not be read: ${reason}` }] };
    }
    const hash = createHash('sha256').update(bytes).digest('base64');
    if (cached?.hash === hash) {
      cache.set(file, { ...cached, size, mtimeMs });
      stats.cached += 1;
      return cached.result;
    }
    stats.parsed += 1;
    const result = pool ? await pool.parse(file, bytes) : parseSeed(bytes, file);
    cache.set(file, { hash, size, mtimeMs, result });
    return result;
  }

  async function load(root: string): Promise<SeedLoad> {
    stats = { parsed: 0, cached: 0 };
    const listing = await listSeedFiles(root);
    // Many files to parse (a first build, a new folder): on every core. A few: here, at once.
    const pool = listing.files.length - cache.size > poolThreshold ? createParsePool() : undefined;
    const results = await mapLimit(listing.files, readConcurrency, (file) => parseFile(root, file, pool)).finally(
      () => pool?.close(),
    );
    cache.keepOnly(new Set(listing.files));
    cache.save();

    const ids = articleIds(listing.files);
    const issues: SeedIssue[] = [...listing.issues];
    const sourced = results.flatMap((result, index) => {
      const file = listing.files[index] ?? '';
      issues.push(...result.issues);
      return result.article ? [{ file, article: { id: ids.get(file) ?? file, ...result.article } }] : [];
    });
    const merged = mergeDuplicates(sourced);
    issues.push(...merged.issues);
    issues.sort(
      (a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) || (a.line ?? 0) - (b.line ?? 0),
    );
    const articles = merged.kept.map((entry) => entry.article).sort(compareNewestFirst);
    const rejected = new Set(issues.filter((issue) => issue.severity === 'error').map((issue) => issue.file));
    return {
      articles,
      issues,
      summary: {
        filesRead: listing.files.length,
        articlesKept: articles.length,
        filesRejected: rejected.size,
        warnings: issues.filter((issue) => issue.severity === 'warning').length,
      },
      stats,
    };
  }

  return { load };
}
