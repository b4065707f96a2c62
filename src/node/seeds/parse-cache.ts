import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SeedIssue } from './issue.ts';
import type { FileResult } from './parse-seed.ts';
import { writeAtomically } from '../write-files.ts';

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
 * the parsed articles, read only when an article is asked for. Both are split by path into shards:
 * a rebuild after one edit reads the index and one shard of articles, and rewrites one of each.
 */
const shardCount = 64;

let pipeline: string | undefined;

/**
 * A hash of the pipeline's own code (the seeds and feed-data folders and src/shared), so that a
 * cache written by an older pipeline is never trusted: changing a rule re-parses everything.
 * Computed once per process: the parse cache and the build record both ask for it.
 */
export function pipelineVersion(): string {
  pipeline ??= hashPipeline();
  return pipeline;
}

function hashPipeline(): string {
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

/** The index file that holds `file`'s entry: each shard is read only when one of its files is asked about. */
export const indexFileOf = (file: string): string => `index-${shardOf(file)}.json`;

function shardOf(file: string): number {
  let h = 2166136261;
  for (let i = 0; i < file.length; i += 1) h = Math.imul(h ^ file.charCodeAt(i), 16777619);
  return (h >>> 0) % shardCount;
}

export function metaOf(
  hash: string,
  size: number,
  mtimeMs: number,
  issues: SeedIssue[],
  article?: { url: string; published: boolean },
): FileMeta {
  return {
    hash,
    size,
    mtimeMs,
    issues,
    ...(article ? { article: { url: article.url, published: article.published } } : {}),
  };
}

/**
 * A parsed file as the cache is given it: as `readSeed` gives it, or with the article as the JSON
 * of its fields (a parse worker's text), which is saved as it is and parsed only if asked for.
 */
export type HeldResult = FileResult | { issues: SeedIssue[]; json: string };

/**
 * An index entry as stored: a tuple, not an object, since the index of 100,000 files is read by
 * every build and its keys would be half of it. `url` is null for a rejected file.
 */
type StoredMeta = [
  file: string,
  hash: string,
  size: number,
  mtimeMs: number,
  issues: SeedIssue[] | 0,
  url: string | null,
  published: 0 | 1,
];

const packMeta = ([file, { hash, size, mtimeMs, issues, article }]: [string, FileMeta]): StoredMeta => [
  file,
  hash,
  size,
  mtimeMs,
  issues.length > 0 ? issues : 0,
  article?.url ?? null,
  article?.published ? 1 : 0,
];

const unpackMeta = ([file, hash, size, mtimeMs, issues, url, published]: StoredMeta): [string, FileMeta] => [
  file,
  {
    hash,
    size,
    mtimeMs,
    issues: issues === 0 ? [] : issues,
    ...(url === null ? {} : { article: { url, published: published === 1 } }),
  },
];

export type ParseCache = {
  meta: (file: string) => FileMeta | undefined;
  /** The parsed file; reads its shard the first time one of its files is asked for. */
  result: (file: string) => FileResult | undefined;
  set: (file: string, meta: FileMeta, result: HeldResult) => void;
  /** Same content, seen with a new size or time. */
  restat: (file: string, size: number, mtimeMs: number) => void;
  readonly size: number;
  /** Forgets every file not in `files` (deleted or renamed ones). */
  keepOnly: (files: ReadonlySet<string>) => void;
  /**
   * Writes the index and the shards that changed, as they are now; each atomically (a temporary
   * file, then a rename), articles before the index, and after any earlier save. The files are
   * written in the background: the promise settles once they are on disk.
   */
  save: () => Promise<void>;
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
  /** `{ version, entries }`, each entry given as JSON text. */
  const shardText = (entries: string[]) =>
    `{"version":${JSON.stringify(version)},"entries":[${entries.join(',')}]}`;
  let saving: Promise<void> = Promise.resolve();

  // Both tiers are split the same way, by path, so that an edit rewrites one small file of each.
  // Each shard of either tier is read when one of its files is first asked about: a rebuild that
  // knows what changed (see scan-memo.ts) reads a few of them, not the 100,000 entries.
  const lazyShards = <V>(load: (index: number) => Map<string, V>) => {
    const shards: (Map<string, V> | undefined)[] = [];
    return (index: number): Map<string, V> => (shards[index] ??= load(index));
  };
  const metasOf = lazyShards((index) => new Map(read<StoredMeta>(`index-${index}.json`).map(unpackMeta)));
  const allMetas = () => Array.from({ length: shardCount }, (_, index) => metasOf(index));
  const resultsOf = lazyShards<HeldResult>((index) => new Map(read<[string, FileResult]>(`${index}.json`)));
  const resultText = (file: string, result: HeldResult): string =>
    'json' in result
      ? `[${JSON.stringify(file)},{"article":${result.json},"issues":${JSON.stringify(result.issues)}}]`
      : JSON.stringify([file, result]);
  const dirtyResults = new Set<number>();
  const dirtyMetas = new Set<number>();

  return {
    meta: (file) => metasOf(shardOf(file)).get(file),
    result: (file) => {
      const index = shardOf(file);
      if (!metasOf(index).has(file)) return undefined;
      const entries = resultsOf(index);
      const held = entries.get(file);
      if (held === undefined || !('json' in held)) return held;
      // Made an object once, and kept as one.
      const result = { article: JSON.parse(held.json) as FileResult['article'], issues: held.issues };
      entries.set(file, result);
      return result;
    },
    set: (file, meta, result) => {
      const index = shardOf(file);
      metasOf(index).set(file, meta);
      resultsOf(index).set(file, result);
      dirtyMetas.add(index);
      dirtyResults.add(index);
    },
    restat: (file, size, mtimeMs) => {
      const index = shardOf(file);
      const meta = metasOf(index).get(file);
      if (!meta) return;
      metasOf(index).set(file, { ...meta, size, mtimeMs });
      dirtyMetas.add(index);
    },
    get size() {
      return allMetas().reduce((total, entries) => total + entries.size, 0);
    },
    keepOnly: (files) => {
      for (const [index, entries] of allMetas().entries()) {
        for (const file of entries.keys()) {
          if (files.has(file)) continue;
          entries.delete(file);
          resultsOf(index).delete(file);
          dirtyMetas.add(index);
          dirtyResults.add(index);
        }
      }
    },
    save: () => {
      if (!dir || (dirtyMetas.size === 0 && dirtyResults.size === 0)) return saving;
      // The texts now, the writing in the background (while the build goes on with the feed).
      // Articles first: an index entry never points at an article that was not written.
      const files = [
        ...[...dirtyResults].map((index): [string, string] => [
          `${index}.json`,
          shardText([...resultsOf(index)].map(([file, result]) => resultText(file, result))),
        ]),
        ...[...dirtyMetas].map((index): [string, string] => [
          `index-${index}.json`,
          shardText([...metasOf(index)].map((entry) => JSON.stringify(packMeta(entry)))),
        ]),
      ];
      dirtyResults.clear();
      dirtyMetas.clear();
      // After the earlier saves, whether they succeeded or not (their callers heard about it).
      saving = saving
        .catch(() => undefined)
        .then(() => writeAtomically(files.map(([name, text]) => [path.join(dir, name), text])));
      return saving;
    },
  };
}
