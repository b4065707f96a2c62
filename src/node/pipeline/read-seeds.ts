import { statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import Tinypool from 'tinypool';
import type { SeedIssue } from '../seeds/issue.ts';
import type { ParsedFile } from '../seeds/parse-seed.ts';
import { readSeeds, type ReadOutcome, type ReadTask } from './read-batch.ts';
import type { ParseCache } from './parse-cache.ts';

/** Every readable file's parse, in listing order, and a problem for each file that could not be read. */
export type ReadResult = {
  files: { file: string; parsed: ParsedFile }[];
  unreadable: SeedIssue[];
  /** Files parsed now, and files whose parse came from the cache. */
  stats: { parsed: number; cached: number };
};

/** Called as files are read: how many of `total` are done. */
export type Progress = (done: number, total: number) => void;

export type ReadOptions = {
  onProgress?: Progress;
  /** Parse on worker threads when more files than this need parsing (see poolThreshold). */
  poolAbove?: number;
  /**
   * The only files that may have changed since the cache was filled (a watcher's events): every
   * other file the cache knows is taken from it without reading its size and time.
   */
  onlyChanged?: ReadonlySet<string>;
};

/**
 * Above this many files to parse, they are parsed on a pool of worker threads (one per core):
 * the bench's 100,000 files took 9.4 s on this thread and 7.0 s on two workers (2 cores), whose
 * start (about a second) costs more than it saves for a few thousand files.
 */
export const poolThreshold = 2000;
/** Files a worker is sent at once: 200 read 100,000 files in 7.0 s, 500 in 7.5 s, 2,000 in 7.5 s. */
const batchSize = 200;

/**
 * Stage 2: reads and parses every listed file, through the parse cache. A file whose size and
 * modification time are the cache's is not read; one whose content hash is is not parsed again.
 * Many files are parsed on a pool of worker threads, a few on this thread.
 */
export async function readSeedFolder(
  root: string,
  files: readonly string[],
  cache: ParseCache,
  { onProgress = () => {}, poolAbove = poolThreshold, onlyChanged }: ReadOptions = {},
): Promise<ReadResult> {
  const unreadable: SeedIssue[] = [];
  const fail = (file: string, reason: string) =>
    unreadable.push({ severity: 'error', file, message: `could not be read: ${reason}` });
  const stats = { parsed: 0, cached: 0 };
  // The size and time of each file looked at (every file unless a watcher named the changed ones).
  const stat = new Map<string, { size: number; mtimeMs: number }>();
  const failed = new Set<string>();
  const tasks: ReadTask[] = [];
  for (const file of files) {
    const known = cache.get(file);
    if (known && onlyChanged && !onlyChanged.has(file)) {
      stats.cached += 1;
      continue;
    }
    try {
      const { size, mtimeMs } = statSync(path.join(root, file));
      stat.set(file, { size, mtimeMs });
      // A file the watcher named is read whatever its size and time (an edit may keep both).
      if (known?.size === size && known.mtimeMs === mtimeMs && !onlyChanged?.has(file)) stats.cached += 1;
      else tasks.push({ file, ...(known ? { knownHash: known.parsed.hash } : {}) });
    } catch (error) {
      fail(file, error instanceof Error ? error.message : String(error));
      failed.add(file);
    }
  }

  let done = stats.cached;
  onProgress(done, files.length);
  const take = (batch: readonly ReadTask[], outcomes: readonly ReadOutcome[]) => {
    batch.forEach(({ file }, i) => {
      const outcome = outcomes[i] as ReadOutcome;
      const { size, mtimeMs } = stat.get(file) ?? { size: 0, mtimeMs: 0 };
      if ('error' in outcome) {
        fail(file, outcome.error);
        failed.add(file);
      } else if (outcome.parsed) {
        stats.parsed += 1;
        cache.set(file, { size, mtimeMs, parsed: outcome.parsed });
      } else {
        stats.cached += 1;
        const known = cache.get(file);
        if (known) cache.set(file, { ...known, size, mtimeMs });
      }
    });
    done += batch.length;
    onProgress(done, files.length);
  };
  const batches = Array.from({ length: Math.ceil(tasks.length / batchSize) }, (_, i) =>
    tasks.slice(i * batchSize, (i + 1) * batchSize),
  );
  if (tasks.length > poolAbove) {
    const pool = new Tinypool({
      filename: new URL('./parse-worker.mjs', import.meta.url).href,
      maxThreads: availableParallelism(),
    });
    try {
      await Promise.all(
        batches.map(async (batch) =>
          take(batch, JSON.parse((await pool.run({ root, tasks: batch })) as string) as ReadOutcome[]),
        ),
      );
    } finally {
      await pool.destroy();
    }
  } else {
    for (const batch of batches) take(batch, readSeeds({ root, tasks: batch }));
  }

  const readable = files.filter((file) => !failed.has(file));
  // Named by a watcher, only the files named can have gone (the cache holds the last run's files):
  // forgetting them, not keeping every other, saved 0.05 s of a dev-server edit at 100,000.
  if (onlyChanged) cache.forget([...onlyChanged].filter((file) => !stat.has(file) || failed.has(file)));
  else cache.keepOnly(readable);
  return {
    files: readable.map((file) => ({ file, parsed: (cache.get(file) as { parsed: ParsedFile }).parsed })),
    unreadable,
    stats,
  };
}
