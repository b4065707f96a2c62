import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SeedIssue } from './issue.ts';
import type { FileResult } from './parse-seed.ts';

/**
 * What a rebuild needs to know of a parsed file without its article: what identifies the content
 * (a hash, and the size and time a stat gives), the file's problems, and, when it was accepted,
 * the two fields that decide which of two duplicates is kept.
 */
export type FileMeta = {
  hash: string;
  size: number;
  mtimeMs: number;
  issues: SeedIssue[];
  article?: { url: string; published: boolean };
};

/**
 * The cache is two-tier: a light index of every file's `FileMeta`, read whole by every build, and
 * the parsed articles, split by path into shards read only when an article is asked for. A rebuild
 * after one edit reads the index and one shard, and rewrites them.
 */
const shardCount = 64;
const indexFile = 'index.json';

/**
 * A hash of the pipeline's own code (the seeds and feed-data folders and src/shared), so that a
 * cache written by an older pipeline is never trusted: changing a rule re-parses everything.
 */
export function pipelineVersion(): string {
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

export function metaOf(hash: string, size: number, mtimeMs: number, result: FileResult): FileMeta {
  return {
    hash,
    size,
    mtimeMs,
    issues: result.issues,
    ...(result.article
      ? { article: { url: result.article.url, published: result.article.published } }
      : {}),
  };
}

export type ParseCache = {
  meta: (file: string) => FileMeta | undefined;
  /** The parsed file; reads its shard the first time one of its files is asked for. */
  result: (file: string) => FileResult | undefined;
  set: (file: string, meta: FileMeta, result: FileResult) => void;
  /** Same content, seen with a new size or time. */
  restat: (file: string, size: number, mtimeMs: number) => void;
  readonly size: number;
  /** Forgets every file not in `files` (deleted or renamed ones). */
  keepOnly: (files: ReadonlySet<string>) => void;
  /** Writes the index and the shards that changed; each atomically (a temporary file, then a rename). */
  save: () => void;
};

/**
 * Parsed files by path, kept in `dir` between processes when given (else in memory only).
 * Anything missing, stale or unreadable reads as empty.
 */
export function openParseCache(dir?: string): ParseCache {
  const version = pipelineVersion();
  const read = <T>(name: string): T[] => {
    if (!dir) return [];
    try {
      const stored = JSON.parse(readFileSync(path.join(dir, name), 'utf8')) as { version?: string; entries?: T[] };
      return stored.version === version && Array.isArray(stored.entries) ? stored.entries : [];
    } catch {
      return [];
    }
  };
  const write = (name: string, entries: unknown[]) => {
    if (!dir) return;
    const target = path.join(dir, name);
    const temporary = `${target}.${process.pid}.tmp`;
    writeFileSync(temporary, JSON.stringify({ version, entries }));
    renameSync(temporary, target);
  };

  const metas = new Map(read<[string, FileMeta]>(indexFile));
  const shards: (Map<string, FileResult> | undefined)[] = Array.from({ length: shardCount }, () =>
    dir ? undefined : new Map(),
  );
  const shard = (file: string): Map<string, FileResult> => {
    const index = shardOf(file);
    let entries = shards[index];
    if (!entries) {
      entries = new Map(read<[string, FileResult]>(`${index}.json`));
      shards[index] = entries;
    }
    return entries;
  };
  const dirty = new Set<number>();
  let indexDirty = false;

  return {
    meta: (file) => metas.get(file),
    result: (file) => (metas.has(file) ? shard(file).get(file) : undefined),
    set: (file, meta, result) => {
      metas.set(file, meta);
      shard(file).set(file, result);
      dirty.add(shardOf(file));
      indexDirty = true;
    },
    restat: (file, size, mtimeMs) => {
      const meta = metas.get(file);
      if (!meta) return;
      metas.set(file, { ...meta, size, mtimeMs });
      indexDirty = true;
    },
    get size() {
      return metas.size;
    },
    keepOnly: (files) => {
      for (const file of metas.keys()) {
        if (files.has(file)) continue;
        metas.delete(file);
        shard(file).delete(file);
        dirty.add(shardOf(file));
        indexDirty = true;
      }
    },
    save: () => {
      if (!dir || (!indexDirty && dirty.size === 0)) return;
      mkdirSync(dir, { recursive: true });
      // Shards first: an index entry never points at an article that was not written.
      for (const index of dirty) write(`${index}.json`, [...(shards[index] ?? [])]);
      write(indexFile, [...metas]);
      dirty.clear();
      indexDirty = false;
    },
  };
}
