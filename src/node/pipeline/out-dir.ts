import { rmSync } from 'node:fs';
import path from 'node:path';
import { filesUnder } from '../files.mjs';

/**
 * Deletes what an earlier build left in `outDir`: every file not in `keep`, but the data folder
 * (see write-data.ts) and `.git`. Called once a build has written its own files, so that a build
 * that fails leaves the last good one whole.
 */
export function removeStale(outDir: string, keep: ReadonlySet<string>): void {
  for (const file of filesUnder(outDir)) {
    if (!keep.has(file) && !/^(data|\.git)\//.test(file)) rmSync(path.join(outDir, file), { force: true });
  }
}
