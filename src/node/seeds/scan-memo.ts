import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { SeedIssue } from './issue.ts';
import { pipelineVersion } from './parse-cache.ts';

/**
 * What the last scan of a folder found, file by file in listing order, kept beside the parse
 * cache: with it, a rebuild after an edit stats every file but looks only at the changed ones,
 * instead of reading the cache's index of 100,000 entries, working out every id and merging every
 * duplicate again (see load-seeds.ts). Written only for a scan in which every file could be read.
 */
export type ScanMemo = {
  pipeline: string;
  root: string;
  files: string[];
  sizes: number[];
  mtimes: number[];
  /** Each file's content hash. */
  hashes: string[];
  /** Each file's article id, or 0 when it is the file's name without its extension (plainId). */
  ids: (string | 0)[];
  /** Each file's own problems (0 for none); those from merging duplicates are in `mergeIssues`. */
  fileIssues: (SeedIssue[] | 0)[];
  mergeIssues: SeedIssue[];
  /** The files whose article is kept, by position in `files`. */
  kept: number[];
};

const memoName = 'scan.json';

/** The memo of the last scan of `root` by this pipeline, if one was kept. */
export function readScanMemo(dir: string | undefined, root: string): ScanMemo | undefined {
  if (!dir) return undefined;
  try {
    const memo = JSON.parse(readFileSync(path.join(dir, memoName), 'utf8')) as ScanMemo;
    const sizes = memo.files.length;
    const whole = [memo.sizes, memo.mtimes, memo.hashes, memo.ids, memo.fileIssues].every(
      (list) => Array.isArray(list) && list.length === sizes,
    );
    return whole && memo.pipeline === pipelineVersion() && memo.root === root ? memo : undefined;
  } catch {
    return undefined;
  }
}

/** The memo as the file it is kept in: [path, text], for writeFiles. */
export function scanMemoFile(dir: string, memo: ScanMemo): [string, string] {
  return [path.join(dir, memoName), JSON.stringify(memo)];
}

/** Forgets the memo (a scan that could not read every file keeps none). */
export function dropScanMemo(dir: string | undefined): void {
  if (dir) rmSync(path.join(dir, memoName), { force: true });
}

/** Whether two listings are the same files in the same order. */
export function sameFiles(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i += 1) if (a[i] !== b[i]) return false;
  return true;
}
