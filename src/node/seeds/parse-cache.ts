import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ArticleFields } from '../../shared/article-schema.ts';
import type { SeedIssue } from './issue.ts';

/** What parsing one file gave: the article's fields (unless rejected) and its problems. */
export type FileResult = { article?: ArticleFields; issues: SeedIssue[] };
export type CacheEntry = { hash: string; result: FileResult };

/**
 * A hash of the pipeline's own code (this folder and src/shared), so that a cache written by an
 * older pipeline is never trusted: changing a rule re-parses everything.
 */
function pipelineVersion(): string {
  const hash = createHash('sha256');
  const here = path.dirname(fileURLToPath(import.meta.url));
  for (const dir of [here, path.resolve(here, '../../shared')]) {
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

/** Reads the parse cache; anything missing, stale or unreadable gives an empty cache. */
export function readParseCache(file: string): Map<string, CacheEntry> {
  try {
    const stored = JSON.parse(readFileSync(file, 'utf8')) as { version?: string; entries?: [string, CacheEntry][] };
    if (stored.version !== pipelineVersion() || !Array.isArray(stored.entries)) return new Map();
    return new Map(stored.entries);
  } catch {
    return new Map();
  }
}

/** Writes the cache atomically (a temporary file, then a rename), so a crash never leaves half a file. */
export function writeParseCache(file: string, entries: ReadonlyMap<string, CacheEntry>): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, JSON.stringify({ version: pipelineVersion(), entries: [...entries] }));
  renameSync(temporary, file);
}
