import { statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import Tinypool from 'tinypool';
import type { SeedIssue } from '../seeds/issue.ts';
import { isListed } from '../seeds/list-files.ts';
import type { ParsedFile } from '../seeds/parse-seed.ts';
import { readSeeds, type ReadOutcome, type ReadTask } from './read-batch.ts';
import type { ParseCache } from './parse-cache.ts';

/** A readable file and its parse. */
export type ReadFile = { file: string; parsed: ParsedFile };

/** Every readable file's parse, in listing order, and a problem for each file that could not be read. */
export type ReadResult = {
  files: ReadFile[];
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
   * The last read of this folder, and the only files that may have changed since (a watcher's
   * events): only those and the files that could not be read then are looked at, and the last
   * read is patched at them (see patchRead).
   */
  since?: { last: ReadResult; changed: ReadonlySet<string> };
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
 * Many files are parsed on a pool of worker threads, a few on this thread. `since` a last read,
 * only the files a watcher named and those that read could not read are looked at.
 */
export async function readSeedFolder(
  root: string,
  files: readonly string[],
  cache: ParseCache,
  { onProgress = () => {}, poolAbove = poolThreshold, since }: ReadOptions = {},
): Promise<ReadResult> {
  const changed = since?.changed;
  const unreadable: SeedIssue[] = [];
  const fail = (file: string, reason: string) =>
    unreadable.push({ severity: 'error', file, message: `could not be read: ${reason}` });
  const stats = { parsed: 0, cached: 0 };
  // The size and time of each file looked at (every file unless a watcher named the changed ones).
  const stat = new Map<string, { size: number; mtimeMs: number }>();
  const failed = new Set<string>();
  const tasks: ReadTask[] = [];
  const touched = since && touchedBy(since);
  const lookAt = touched ? touched.filter((file) => isListed(files, file)) : files;
  stats.cached = files.length - lookAt.length;
  for (const file of lookAt) {
    const known = cache.get(file);
    try {
      const { size, mtimeMs } = statSync(path.join(root, file));
      stat.set(file, { size, mtimeMs });
      // A file the watcher named is read whatever its size and time (an edit may keep both).
      if (known?.size === size && known.mtimeMs === mtimeMs && !changed?.has(file)) stats.cached += 1;
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

  // Named by a watcher, only the files named can have gone (the cache holds the last run's files):
  // forgetting them, not keeping every other, saved 0.05 s of a dev-server edit at 100,000.
  if (changed) cache.forget([...changed].filter((file) => !stat.has(file) || failed.has(file)));
  else cache.keepOnly(files.filter((file) => !failed.has(file)));
  const entryOf = (file: string): ReadFile | undefined => {
    const parsed = stat.has(file) && !failed.has(file) ? cache.get(file)?.parsed : undefined;
    return parsed && { file, parsed };
  };
  return {
    files:
      since && touched
        ? patchRead(since.last.files, touched, entryOf)
        : lookAt.flatMap((file) => entryOf(file) ?? []),
    unreadable,
    stats,
  };
}

/** The files a read since `last` looks at: those a watcher named and those `last` could not read. */
const touchedBy = ({ last, changed }: NonNullable<ReadOptions['since']>): string[] =>
  [...new Set([...changed, ...last.unreadable.map(({ file }) => file)])].sort();

/**
 * `files` (the last read, by path) with the entry of each of `touched` (sorted) as `entryOf` gives
 * it now: replaced, added or gone. An entry whose parse is the same keeps its object, so that what
 * the next stages made of it stays theirs by place (see buildCorpus). At 100,000 files, the read of
 * an edit took 0.13-0.42 s when every file's entry was looked up in the cache and made again.
 */
function patchRead(
  files: readonly ReadFile[],
  touched: readonly string[],
  entryOf: (file: string) => ReadFile | undefined,
): ReadFile[] {
  const patched: ReadFile[] = [];
  let at = 0;
  for (const file of touched) {
    while (at < files.length && (files[at] as ReadFile).file < file) patched.push(files[at++] as ReadFile);
    const before = files[at]?.file === file ? files[at++] : undefined;
    const now = entryOf(file);
    if (now) patched.push(before?.parsed === now.parsed ? before : now);
  }
  while (at < files.length) patched.push(files[at++] as ReadFile);
  return patched;
}
