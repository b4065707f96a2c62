import { statSync } from 'node:fs';
import path from 'node:path';
import type { Article } from '../../shared/article-schema.ts';
import { compareNewestFirst } from '../../shared/feed-order.ts';
import { articleIds } from './article-id.ts';
import { preparedFieldsJson, type PreparedArticle } from '../feed-data/build-feed-data.ts';
import type { SeedIssue } from './issue.ts';
import { listSeedFiles } from './list-files.ts';
import { mergeDuplicates } from './merge-duplicates.ts';
import { metaOf, openParseCache } from './parse-cache.ts';
import { createParsePool } from './parse-pool.ts';
import { readSeed, type FileResult } from './parse-seed.ts';
import type { PooledRead, ReadRequest } from './worker-wire.ts';
import type { SeedSummary } from './report.ts';

/** What a folder holds, known without reading its unchanged articles back from the cache. */
export type SeedScan = {
  /** Every problem, sorted by file and line. */
  issues: SeedIssue[];
  summary: SeedSummary;
  /** Files parsed in this scan, and files whose unchanged content came from the cache. */
  stats: { parsed: number; cached: number };
  /** The content hash of every readable file. */
  hashes: Map<string, string>;
  /** The files whose article is kept (duplicates merged), with the article's id, in path order. */
  kept: { file: string; id: string }[];
};

export type SeedLoad = SeedScan & {
  /** Every kept article, published or not, newest first. */
  articles: Article[];
};

export type SeedLoaderOptions = {
  /** A folder that keeps parsed files across processes (builds), by path and content. */
  cacheDir?: string;
};

/** Below this many files to parse, starting worker threads costs more than it saves. */
const poolThreshold = 500;

/**
 * Reads a seeds folder into articles and a report. One loader keeps a cache of parsed files keyed
 * by path and content (size and modification time first, then a hash), so the dev server
 * re-parses only what changed; with `cacheDir`, the cache also outlives the process, so a rebuild
 * after one edit reads and parses one file. `scan` gives the report and what changed without
 * reading any article back; `article` then reads the ones that are needed.
 */
export function createSeedLoader(options: SeedLoaderOptions = {}) {
  const cache = openParseCache(options.cacheDir);
  let root = '';
  /** The parse cache being written, since the last scan (see ParseCache.save). */
  let saving: Promise<void> = Promise.resolve();
  const save = () => {
    saving = cache.save();
    // Heard by whoever awaits `saved()`; never an unhandled rejection meanwhile.
    saving.catch(() => undefined);
  };
  /** What the parse workers prepared of the articles they parsed in the last scan, by article id. */
  let prepared = new Map<string, PreparedArticle>();

  async function scan(folder: string): Promise<SeedScan> {
    root = folder;
    prepared = new Map();
    const stats = { parsed: 0, cached: 0 };
    const listing = await listSeedFiles(root);
    const unreadable = new Map<string, SeedIssue>();
    const couldNotRead = (file: string, error: unknown): void => {
      const reason = error instanceof Error ? error.message : String(error);
      unreadable.set(file, { severity: 'error', file, message: `could not be read: ${reason}` });
    };

    const ids = articleIds(listing.files);
    // Files the cache cannot know of (at least this many will be parsed): when they are many, the
    // workers start now, and boot (about a second) while this thread checks every file's stat.
    let pool = listing.files.length - cache.size > poolThreshold ? createParsePool() : undefined;
    try {
      // Same size and modification time as when it was parsed: not even read again. A synchronous
      // stat is several times faster than a promise per file, and 100,000 of them take half a second.
      const toRead: { file: string; size: number; mtimeMs: number }[] = [];
      const prefix = root.endsWith(path.sep) ? root : root + path.sep; // path.join is slow 100,000 times
      for (const file of listing.files) {
        try {
          const { size, mtimeMs } = statSync(prefix + file);
          const meta = cache.meta(file);
          if (meta && meta.size === size && meta.mtimeMs === mtimeMs) stats.cached += 1;
          else toRead.push({ file, size, mtimeMs });
        } catch (error) {
          couldNotRead(file, error);
        }
      }

      const found = new Map(toRead.map((entry) => [entry.file, entry]));
      const requests: ReadRequest[] = toRead.map(({ file }) => {
        const knownHash = cache.meta(file)?.hash;
        return { full: prefix + file, file, id: ids.get(file) ?? file, ...(knownHash ? { knownHash } : {}) };
      });
      const onRead = (request: ReadRequest, read: PooledRead) => {
        const { file } = request;
        const { size, mtimeMs } = found.get(file) ?? { size: 0, mtimeMs: 0 };
        if (read.kind === 'unreadable') {
          couldNotRead(file, read.reason);
        } else if (read.kind === 'unchanged') {
          cache.restat(file, size, mtimeMs);
          stats.cached += 1;
        } else if (read.kind === 'prepared') {
          stats.parsed += 1;
          const { hash, issues, prepared: article } = read;
          cache.set(file, metaOf(hash, size, mtimeMs, issues, article.facts), { issues, json: preparedFieldsJson(article) });
          if (request.id !== undefined) prepared.set(request.id, article);
        } else {
          stats.parsed += 1;
          const { hash, result } = read;
          cache.set(file, metaOf(hash, size, mtimeMs, result.issues, result.article), result);
        }
      };
      // Many files to read (a first build, a new folder): on every core, this thread only waiting.
      // A few: here, at once.
      if (requests.length > poolThreshold) {
        pool ??= createParsePool();
        await pool.readAll(requests, onRead);
      } else {
        for (const request of requests) onRead(request, readSeed(request.full, request.file, request.knownHash));
      }
    } finally {
      await pool?.close();
    }
    cache.keepOnly(new Set(listing.files.filter((file) => !unreadable.has(file))));
    save();

    const issues: SeedIssue[] = [...listing.issues, ...unreadable.values()];
    const hashes = new Map<string, string>();
    const sourced: { file: string; article: { url: string; published: boolean } }[] = [];
    for (const file of listing.files) {
      const meta = unreadable.has(file) ? undefined : cache.meta(file);
      if (!meta) continue;
      hashes.set(file, meta.hash);
      issues.push(...meta.issues);
      if (meta.article) sourced.push({ file, article: meta.article });
    }
    const merged = mergeDuplicates(sourced);
    issues.push(...merged.issues);
    issues.sort(
      (a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) || (a.line ?? 0) - (b.line ?? 0),
    );
    const rejected = new Set(issues.filter((issue) => issue.severity === 'error').map((issue) => issue.file));
    return {
      issues,
      summary: {
        filesRead: listing.files.length,
        articlesKept: merged.kept.length,
        filesRejected: rejected.size,
        warnings: issues.filter((issue) => issue.severity === 'warning').length,
      },
      stats,
      hashes,
      kept: merged.kept.map(({ file }) => ({ file, id: ids.get(file) ?? file })),
    };
  }

  /** A kept file's article, as of the last scan. */
  function article({ file, id }: { file: string; id: string }): Article {
    let result: FileResult | undefined = cache.result(file);
    if (!result?.article) {
      // The cache's index knew the file but its shard was lost: parse it again.
      const full = path.join(root, file);
      const { size, mtimeMs } = statSync(full);
      const read = readSeed(full, file);
      if (read.kind !== 'parsed') throw new Error(`${file} could not be read again; build again`);
      result = read.result;
      cache.set(file, metaOf(read.hash, size, mtimeMs, result.issues, result.article), result);
      save();
    }
    if (!result.article) throw new Error(`${file} changed while it was being read; build again`);
    return { id, ...result.article };
  }

  /**
   * An article as a parse worker prepared it in the last scan (its JSON text, search words and
   * text hash), by id, when one did; see buildFeedData's `derived`.
   */
  const preparedOf = (id: string): PreparedArticle | undefined => prepared.get(id);

  async function load(folder: string): Promise<SeedLoad> {
    const scanned = await scan(folder);
    const articles = scanned.kept.map(article).sort(compareNewestFirst);
    await saving;
    return { ...scanned, articles };
  }

  /** Settles when the parse cache, as of the last scan, is on disk (scan writes it in the background). */
  const saved = () => saving;

  return { scan, article, prepared: preparedOf, load, saved };
}
