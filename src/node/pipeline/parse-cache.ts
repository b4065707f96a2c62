import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { fnv1a } from '../../shared/fnv-hash.ts';
import type { ParsedFile } from '../seeds/parse-seed.ts';
import { writeWhole } from '../files.mjs';

/** What the cache knows of one seed file: how it looked on disk, and what parsing it gave. */
export type CachedFile = { size: number; mtimeMs: number; parsed: ParsedFile };

/**
 * The parse cache: every seed file's parse, by path, kept in a folder between builds. A file whose
 * size and modification time are unchanged is not read again; one whose content hash is unchanged
 * is not parsed again. The entries are split into shards by path, so that saving after one edit
 * rewrites one small file. Anything missing, stale or unreadable reads as empty.
 */
export type ParseCache = {
  get: (file: string) => CachedFile | undefined;
  set: (file: string, entry: CachedFile) => void;
  /** Forgets every file not in `files` (deleted or renamed ones). */
  keepOnly: (files: readonly string[]) => void;
  /** Forgets `files`. */
  forget: (files: readonly string[]) => void;
  /** Writes the shards that changed since the last save. */
  save: () => void;
};

/**
 * Shards of the cache, each saved whole when one of its files changed: at 100,000 files, saving a
 * shard after an edit took 45-70 ms with 64 shards, 14-20 ms with 256.
 */
export const shardCount = 256;

/** Where the parse cache of `seedsDir` is kept under a tool's cache folder (Vite's: node_modules/.vite). */
export const parseCacheDir = (cacheRoot: string, seedsDir: string): string =>
  path.join(cacheRoot, 'news-reader', createHash('sha256').update(seedsDir).digest('hex').slice(0, 12));

export function openParseCache(dir?: string): ParseCache {
  // A cache split another way is read as empty: each file's entry is in one shard only.
  const version = `${pipelineVersion()}/${shardCount}`;
  // Each shard's entries apart, so that a save reads only the shards it writes (at 100,000 files,
  // finding a shard's entries among all of them took 46-100 ms of a dev-server edit, 9-20 ms so).
  const shards = Array.from({ length: shardCount }, () => new Map<string, CachedFile>());
  const dirty = new Set<number>();
  if (dir) {
    shards.forEach((entries, shard) => {
      const stored = readShard(dir, shard, version);
      // Written by another version, or unreadable: rewritten at the next save, not read for nothing again.
      if (stored === undefined) dirty.add(shard);
      for (const [file, entry] of stored ?? []) entries.set(file, entry);
    });
  }
  const entriesOf = (shard: number) => shards[shard] as Map<string, CachedFile>;
  return {
    get: (file) => entriesOf(shardOf(file)).get(file),
    set: (file, entry) => {
      const shard = shardOf(file);
      entriesOf(shard).set(file, entry);
      dirty.add(shard);
    },
    forget: (files) => {
      for (const file of files) {
        const shard = shardOf(file);
        if (entriesOf(shard).delete(file)) dirty.add(shard);
      }
    },
    keepOnly: (files) => {
      const keep = new Set(files);
      shards.forEach((entries, shard) => {
        for (const file of entries.keys()) {
          if (!keep.has(file)) {
            entries.delete(file);
            dirty.add(shard);
          }
        }
      });
    },
    save: () => {
      if (!dir || dirty.size === 0) return;
      mkdirSync(dir, { recursive: true });
      for (const shard of dirty) {
        // Whole: a build that stops half way never leaves half a shard.
        const target = path.join(dir, `${shard}.json`);
        writeWhole(target, JSON.stringify({ version, entries: [...entriesOf(shard)] }));
      }
      dirty.clear();
    },
  };
}

/** A shard's entries: none when it is not there; undefined when it is but cannot be trusted. */
function readShard(dir: string, shard: number, version: string): [string, CachedFile][] | undefined {
  let text: string;
  try {
    text = readFileSync(path.join(dir, `${shard}.json`), 'utf8');
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT' ? [] : undefined;
  }
  try {
    const stored = JSON.parse(text) as { version?: string; entries?: [string, CachedFile][] };
    return stored.version === version && Array.isArray(stored.entries) ? stored.entries : undefined;
  } catch {
    return undefined;
  }
}

/** A shard number that does not depend on the order files are seen in. */
const shardOf = (file: string): number => fnv1a(file) % shardCount;

let pipeline: string | undefined;

/**
 * A hash of the parsing code itself (src/node/seeds and src/shared), so that a cache written by
 * an older parser is never trusted: changing a rule re-parses everything.
 */
export function pipelineVersion(): string {
  if (pipeline) return pipeline;
  const hash = createHash('sha256');
  const here = path.dirname(fileURLToPath(import.meta.url));
  for (const dir of [path.resolve(here, '../seeds'), path.resolve(here, '../../shared')]) {
    try {
      for (const name of readdirSync(dir).sort())
        hash.update(name).update(readFileSync(path.join(dir, name)));
    } catch {
      // Bundled without its sources beside it: a version that never matches.
      hash.update(String(Date.now()));
    }
  }
  pipeline = hash.digest('hex').slice(0, 16);
  return pipeline;
}
