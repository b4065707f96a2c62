import { statSync } from 'node:fs';
import path from 'node:path';
import type { Article } from '../../shared/article-schema.ts';
import { compareNewestFirst } from '../../shared/feed-order.ts';
import { articleIds, plainId } from './article-id.ts';
import { preparedFieldsJson, type PreparedArticle } from '../feed-data/build-feed-data.ts';
import type { SeedIssue } from './issue.ts';
import { listSeedFiles, type FileListing } from './list-files.ts';
import { mergeDuplicates } from './merge-duplicates.ts';
import { metaOf, openParseCache, pipelineVersion, type FileMeta } from './parse-cache.ts';
import { createParsePool } from './parse-pool.ts';
import { readSeed, type FileResult } from './parse-seed.ts';
import type { PooledRead, ReadRequest } from './worker-wire.ts';
import type { SeedSummary } from './report.ts';
import { dropScanMemo, readScanMemo, sameFiles, scanMemoFile, type ScanMemo } from './scan-memo.ts';
import { writeAtomically } from '../write-files.ts';

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
  /** What is being written since the last scan: the parse cache (see ParseCache.save), then the scan's memo. */
  let saving: Promise<void> = Promise.resolve();
  const track = (writing: Promise<void>) => {
    saving = writing;
    // Heard by whoever awaits `saved()`; never an unhandled rejection meanwhile.
    saving.catch(() => undefined);
  };
  const save = () => track(Promise.all([saving.catch(() => undefined), cache.save()]).then(() => undefined));
  /** What the parse workers prepared of the articles they parsed in the last scan, by article id. */
  let prepared = new Map<string, PreparedArticle>();

  async function scan(folder: string): Promise<SeedScan> {
    root = folder;
    prepared = new Map();
    const listing = await listSeedFiles(root);
    const prefix = root.endsWith(path.sep) ? root : root + path.sep; // path.join is slow 100,000 times
    const memo = readScanMemo(options.cacheDir, root);
    const quick = memo && sameFiles(memo.files, listing.files) ? rescan(memo, listing, prefix) : undefined;
    if (quick?.scan) return quick.scan;
    const scanned = await fullScan(listing, prefix);
    // Files the quick scan read before it gave up are cached now; they were parsed all the same.
    const parsed = quick?.parsed ?? 0;
    return { ...scanned, stats: { parsed: scanned.stats.parsed + parsed, cached: scanned.stats.cached - parsed } };
  }

  /**
   * The scan after an edit, from the last scan's memo: every file is stat'ed, and only those whose
   * size or time changed are read. Undefined when the change is not one it can follow (a file
   * unreadable, many changed, one accepted or rejected anew, or its source URL or published flag
   * changed, which can change which of two duplicates wins): the full scan then decides, and is
   * told how many files were parsed here.
   */
  function rescan(memo: ScanMemo, listing: FileListing, prefix: string): { scan?: SeedScan; parsed: number } {
    const { files } = memo;
    const sizes = [...memo.sizes];
    const mtimes = [...memo.mtimes];
    const changed: number[] = [];
    for (let i = 0; i < files.length; i += 1) {
      let size: number;
      let mtimeMs: number;
      try {
        ({ size, mtimeMs } = statSync(prefix + (files[i] ?? '')));
      } catch {
        return { parsed: 0 };
      }
      if (size !== sizes[i] || mtimeMs !== mtimes[i]) {
        changed.push(i);
        sizes[i] = size;
        mtimes[i] = mtimeMs;
      }
    }
    if (changed.length > poolThreshold) return { parsed: 0 };
    const stats = { parsed: 0, cached: files.length - changed.length };
    const hashes = [...memo.hashes];
    const fileIssues = [...memo.fileIssues];
    let followed = true;
    for (const i of changed) {
      const file = files[i] ?? '';
      const size = sizes[i] ?? 0;
      const mtimeMs = mtimes[i] ?? 0;
      const read = readSeed(prefix + file, file, hashes[i]);
      if (read.kind === 'unreadable') return { parsed: stats.parsed };
      if (read.kind === 'unchanged') {
        cache.restat(file, size, mtimeMs);
        stats.cached += 1;
        continue;
      }
      const { hash, result } = read;
      const before = cache.meta(file);
      const after = metaOf(hash, size, mtimeMs, result.issues, result.article);
      cache.set(file, after, result);
      stats.parsed += 1;
      hashes[i] = hash;
      fileIssues[i] = result.issues.length > 0 ? result.issues : 0;
      if (before?.hash !== memo.hashes[i] || !sameSource(before?.article, after.article)) followed = false;
    }
    // What was read is in the cache either way: a full scan from here reads none of it again.
    if (!followed) return { parsed: stats.parsed };
    save();
    const next: ScanMemo = { ...memo, sizes, mtimes, hashes, fileIssues };
    saveMemo(next);
    return { scan: scanFromMemo(next, listing.issues, stats), parsed: stats.parsed };
  }

  async function fullScan(listing: FileListing, prefix: string): Promise<SeedScan> {
    const stats = { parsed: 0, cached: 0 };
    const unreadable = new Map<string, SeedIssue>();
    const couldNotRead = (file: string, error: unknown): void => {
      const reason = error instanceof Error ? error.message : String(error);
      unreadable.set(file, { severity: 'error', file, message: `could not be read: ${reason}` });
    };

    const ids = articleIds(listing.files);
    const sizes: number[] = [];
    const mtimes: number[] = [];
    // Files the cache cannot know of (at least this many will be parsed): when they are many, the
    // workers start now, and boot (about a second) while this thread checks every file's stat.
    let pool = listing.files.length - cache.size > poolThreshold ? createParsePool() : undefined;
    try {
      // Same size and modification time as when it was parsed: not even read again. A synchronous
      // stat is several times faster than a promise per file, and 100,000 of them take half a second.
      const toRead: { file: string; size: number; mtimeMs: number }[] = [];
      for (const [i, file] of listing.files.entries()) {
        try {
          const { size, mtimeMs } = statSync(prefix + file);
          sizes[i] = size;
          mtimes[i] = mtimeMs;
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
    // Each file's hash and own problems, in listing order, for the memo.
    const hashList: string[] = [];
    const fileIssues: ScanMemo['fileIssues'] = [];
    const sourced: { file: string; article: { url: string; published: boolean } }[] = [];
    for (const file of listing.files) {
      const meta = unreadable.has(file) ? undefined : cache.meta(file);
      hashList.push(meta?.hash ?? '');
      fileIssues.push(meta && meta.issues.length > 0 ? meta.issues : 0);
      if (!meta) continue;
      hashes.set(file, meta.hash);
      issues.push(...meta.issues);
      if (meta.article) sourced.push({ file, article: meta.article });
    }
    const merged = mergeDuplicates(sourced);
    issues.push(...merged.issues);
    sortIssues(issues);
    const kept = merged.kept.map(({ file }) => ({ file, id: ids.get(file) ?? file }));
    if (unreadable.size === 0 && options.cacheDir) {
      saveMemo(memoOf(listing.files, { sizes, mtimes, hashes: hashList, fileIssues, ids, merged, kept }));
    } else {
      dropScanMemo(options.cacheDir);
    }
    return { issues, summary: summaryOf(listing.files.length, kept.length, issues), stats, hashes, kept };
  }

  /** The memo of a full scan in which every file was read (see ScanMemo); the lists are in listing order. */
  function memoOf(
    files: string[],
    found: Pick<ScanMemo, 'sizes' | 'mtimes' | 'hashes' | 'fileIssues'> & {
      ids: Map<string, string>;
      merged: { issues: SeedIssue[] };
      kept: { file: string }[];
    },
  ): ScanMemo {
    // Both in path order: one walk finds each kept file's position.
    const kept: number[] = [];
    let at = 0;
    for (const { file } of found.kept) {
      while (at < files.length && files[at] !== file) at += 1;
      kept.push(at);
    }
    return {
      pipeline: pipelineVersion(),
      root,
      files,
      sizes: found.sizes,
      mtimes: found.mtimes,
      hashes: found.hashes,
      ids: files.map((file) => {
        const id = found.ids.get(file) ?? file;
        return id === plainId(file) ? 0 : id;
      }),
      fileIssues: found.fileIssues,
      mergeIssues: found.merged.issues,
      kept,
    };
  }

  function scanFromMemo(memo: ScanMemo, listingIssues: SeedIssue[], stats: SeedScan['stats']): SeedScan {
    const { files } = memo;
    const issues = [...listingIssues];
    for (const list of memo.fileIssues) if (list !== 0) issues.push(...list);
    issues.push(...memo.mergeIssues);
    sortIssues(issues);
    const kept = memo.kept.map((i) => {
      const file = files[i] ?? '';
      const id = memo.ids[i];
      return { file, id: id === 0 || id === undefined ? plainId(file) : id };
    });
    return {
      issues,
      summary: summaryOf(files.length, kept.length, issues),
      stats,
      hashes: new Map(files.map((file, i) => [file, memo.hashes[i] ?? ''])),
      kept,
    };
  }

  /** The memo is written after the cache it describes (see ScanMemo), in the background. */
  function saveMemo(memo: ScanMemo): void {
    const { cacheDir } = options;
    if (!cacheDir) return;
    const file = scanMemoFile(cacheDir, memo);
    // Only once the cache it describes is on disk: a failed save leaves the earlier memo.
    track(saving.then(() => writeAtomically([file])));
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

/** By file, then line. */
function sortIssues(issues: SeedIssue[]): void {
  issues.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) || (a.line ?? 0) - (b.line ?? 0));
}

function summaryOf(filesRead: number, articlesKept: number, issues: readonly SeedIssue[]): SeedSummary {
  const rejected = new Set(issues.filter((issue) => issue.severity === 'error').map((issue) => issue.file));
  return {
    filesRead,
    articlesKept,
    filesRejected: rejected.size,
    warnings: issues.filter((issue) => issue.severity === 'warning').length,
  };
}

/** Whether two parses of a file are the same to the duplicate rule: both rejected, or the same URL and flag. */
const sameSource = (a: FileMeta['article'], b: FileMeta['article']): boolean =>
  a === undefined || b === undefined ? a === b : a.url === b.url && a.published === b.published;
