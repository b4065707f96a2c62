import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FileResult } from './parse-seed.ts';

/** A parsed file, with what identifies its content: a hash, and the size and time a stat gives. */
export type CacheEntry = { hash: string; size: number; mtimeMs: number; result: FileResult };

/** The cache is split by file path, so a rebuild after one edit rewrites one small shard. */
const shardCount = 64;

/**
 * A hash of the pipeline's own code (the seeds and feed-data folders and src/shared), so that a
 * cache written by an older pipeline is never trusted: changing a rule re-parses everything.
 */
function pipelineVersion(): string {
  const hash = createHash('sha256');
  const here = path.dirname(fileURLToPath(import.meta.url));
  for (const dir of [here, path.resolve(here, '../feed-data'), path.resolve(here, '../../shared')]) {
    try {
      for (const name of readdirSync(dir).sort()) {
        if (name.endsWith('.ts')) hash.update(name).update(readFileSync(path.join(dir, name)));
      }
    } catch {
      // Bundled without its sources next to it: fall back to a version that never matches.
      hash.update(String(Date.now()));
    }
  }
  return hash.digest('hex').slice(0, 16);
}

function shardOf(file: string): number {
  let h = 2166136261;
  for (let i = 0; i < file.length; i += 1) h = Math.imul(h ^ file.charCodeAt(i), 16777619);
  return (h >>> 0) % shardCount;
}

export type ParseCache = {
  get: (file: string) => CacheEntry | undefined;
  set: (file: string, entry: CacheEntry) => void;
  readonly size: number;
  /** Forgets every file not in `files` (deleted or renamed ones). */
  keepOnly: (files: ReadonlySet<string>) => void;
  /** Writes the shards that changed; each atomically (a temporary file, then a rename). */
  save: () => void;
};

/**
 * Parsed files by path, kept in `dir` between processes when given (else in memory only).
 * Anything missing, stale or unreadable reads as an empty shard.
 */
export function openParseCache(dir?: string): ParseCache {
  const version = pipelineVersion();
  const shards = Array.from({ length: shardCount }, (_, index): Map<string, CacheEntry> => {
    if (!dir) return new Map<string, CacheEntry>();
    try {
      const stored = JSON.parse(readFileSync(path.join(dir, `${index}.json`), 'utf8')) as {
        version?: string;
        entries?: [string, CacheEntry][];
      };
      return stored.version === version && Array.isArray(stored.entries)
        ? new Map(stored.entries)
        : new Map<string, CacheEntry>();
    } catch {
      return new Map<string, CacheEntry>();
    }
  });
  const dirty = new Set<number>();
  const shard = (file: string) => shards[shardOf(file)] as Map<string, CacheEntry>;

  return {
    get: (file) => shard(file).get(file),
    set: (file, entry) => {
      shard(file).set(file, entry);
      dirty.add(shardOf(file));
    },
    get size() {
      return shards.reduce((total, entries) => total + entries.size, 0);
    },
    keepOnly: (files) => {
      for (const [index, entries] of shards.entries()) {
        for (const file of entries.keys()) {
          if (!files.has(file)) {
            entries.delete(file);
            dirty.add(index);
          }
        }
      }
    },
    save: () => {
      if (!dir || dirty.size === 0) return;
      mkdirSync(dir, { recursive: true });
      for (const index of dirty) {
        const target = path.join(dir, `${index}.json`);
        const temporary = `${target}.${process.pid}.tmp`;
        writeFileSync(temporary, JSON.stringify({ version, entries: [...(shards[index] ?? [])] }));
        renameSync(temporary, target);
      }
      dirty.clear();
    },
  };
}
