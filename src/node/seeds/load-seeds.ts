import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Article } from '../../shared/article-schema.ts';
import { compareNewestFirst } from '../../shared/feed-order.ts';
import { articleIds } from './article-id.ts';
import type { SeedIssue } from './issue.ts';
import { listSeedFiles } from './list-files.ts';
import { mergeDuplicates } from './merge-duplicates.ts';
import { normaliseSeed } from './normalise.ts';
import { readParseCache, writeParseCache, type CacheEntry, type FileResult } from './parse-cache.ts';
import { parseFrontMatter } from './parse-front-matter.ts';
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
  /** Keeps parsed files across processes (builds), keyed by path and content hash. */
  cacheFile?: string;
};

/** Files read at once: enough to keep the disk busy, few enough never to hit EMFILE. */
const readConcurrency = 32;

/**
 * Reads a seeds folder into articles and a report. One loader keeps a cache of parsed files keyed
 * by path and content hash, so the dev server re-parses only what changed; with `cacheFile`, the
 * cache also outlives the process, so a rebuild after one edit re-parses one file.
 */
export function createSeedLoader(options: SeedLoaderOptions = {}) {
  const cache = options.cacheFile ? readParseCache(options.cacheFile) : new Map<string, CacheEntry>();
  let stats = { parsed: 0, cached: 0 };

  async function parseFile(root: string, file: string): Promise<FileResult> {
    let bytes: Buffer;
    try {
      bytes = await readFile(path.join(root, file));
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      return { issues: [{ severity: 'error', file, message: `could not be read: ${reason}` }] };
    }
    const hash = createHash('sha256').update(bytes).digest('base64');
    const cached = cache.get(file);
    if (cached?.hash === hash) {
      stats.cached += 1;
      return cached.result;
    }
    stats.parsed += 1;
    const parsed = parseFrontMatter(bytes);
    const result: FileResult = parsed.ok
      ? normaliseSeed(parsed.data, file, parsed.lineOf)
      : {
          issues: [
            {
              severity: 'error',
              file,
              ...(parsed.line !== undefined ? { line: parsed.line } : {}),
              message: `${parsed.message}; the file was rejected`,
            },
          ],
        };
    cache.set(file, { hash, result });
    return result;
  }

  async function load(root: string): Promise<SeedLoad> {
    stats = { parsed: 0, cached: 0 };
    const listing = await listSeedFiles(root);
    const results = await mapLimit(listing.files, readConcurrency, (file) => parseFile(root, file));
    const listed = new Set(listing.files);
    let removed = false;
    for (const file of cache.keys()) {
      if (!listed.has(file)) {
        cache.delete(file);
        removed = true;
      }
    }
    if (options.cacheFile && (stats.parsed > 0 || removed)) writeParseCache(options.cacheFile, cache);

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

async function mapLimit<T, R>(items: readonly T[], limit: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next;
      next += 1;
      results[index] = await task(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
