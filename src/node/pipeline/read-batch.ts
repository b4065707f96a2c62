import path from 'node:path';
import { readSeed } from '../seeds/parse-seed.ts';

/** One file to read: its name in the folder, and the content hash the cache knows for it. */
export type ReadTask = { file: string; knownHash?: string };
export type ReadOutcome = ReturnType<typeof readSeed>;

/** Reads and parses a batch of files of `root`: the task a parse worker runs. */
export function readSeeds({ root, tasks }: { root: string; tasks: readonly ReadTask[] }): ReadOutcome[] {
  return tasks.map(({ file, knownHash }) => readSeed(path.join(root, file), file, knownHash));
}
