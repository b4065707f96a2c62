import { realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { isListed, isSeedFile, listSeedFiles, type FileListing } from '../seeds/list-files.ts';
import { buildCorpus, emptyCorpusMemo, type Corpus, type CorpusMemo } from './corpus.ts';
import type { ParseCache } from './parse-cache.ts';
import { readSeedFolder, type ReadOptions, type ReadResult } from './read-seeds.ts';
import { emptyEmitMemo, type EmitMemo } from './emit/data-folder.ts';
import type { RenderMemo } from './write-data.ts';
import type { StoryPageMemo } from './emit/story-pages.ts';
import { emptyFeedMemo, type FeedMemo } from './emit/feed-files.ts';

/**
 * The incremental mechanism, one for the build and the dev server: what the last run of the
 * pipeline knew, kept for the next, so that a change costs what it touches.
 * - Every seed file's parse, in the parse cache (on disk between builds, in memory in the dev
 *   server): a file whose size and time are unchanged is not read, one whose content is, not parsed.
 * - The folder's listing, which the dev server patches from its watcher's events rather than walk
 *   and stat every file again (0.8 s at 100,000 files), and the last read of it, patched at the
 *   files named (see readSeedFolder).
 * - What the stages derive from each article (its story facts and search words, see memo.ts), kept
 *   while its file is unchanged: the same parse gives the same article object.
 * - The dev server's (Kept): the corpus' ids and order while the fields they are made of are the
 *   same, what each file gives while its entry is the same at its place, and its stories, so
 *   that a change recomputes the stories of its weeks only (see buildCorpus, findStories); what
 *   is made of a few fields of every article while those are the same (each id's rank, the
 *   published ranks, the URL set, topics, lookups, facets, the top order, which articles each
 *   feed carries: deriveFromPicked); the feed's and panels' pages while they hold the same
 *   items; the panels and cards at each key while what each is made of is the same there; story
 *   pages and feeds while their articles are; the search shards of the older articles while
 *   they are the same objects; and every piece rendered, with the data it was made from, so that
 *   a piece whose data is equal is not rendered again (see renderDataFolder). A build keeps none
 *   of it: its memory is let go when it ends.
 * Whatever was kept, a run gives what a cold build of the same files gives
 * (tests/node/pipeline/archive.test.ts).
 */
export type Archive = {
  seedsDir: string;
  cache: ParseCache;
  /** The last listing, while it holds (see changedFiles). */
  listing?: FileListing;
  /** The last run's read of that listing, patched at the files a watcher names (see readSeedFolder). */
  read?: ReadResult;
  /** What a long-lived process keeps of the last run's stages (see Kept); a build keeps none. */
  kept?: Kept;
};

/** What the dev server keeps of the last run, stage by stage (see Archive). */
export type Kept = EmitMemo & {
  pieces: RenderMemo;
  corpus: CorpusMemo;
  storyPages: StoryPageMemo;
  feeds: FeedMemo;
};

export type CorpusRead = {
  corpus: Corpus;
  /** Files parsed now, and files whose parse came from the cache. */
  stats: { parsed: number; cached: number };
  ms: number;
};

/** An archive of `seedsDir`; `longLived` (the dev server) keeps what its runs derive, a build not. */
export const openArchive = (seedsDir: string, cache: ParseCache, longLived = false): Archive => ({
  seedsDir,
  cache,
  ...(longLived
    ? {
        kept: {
          ...emptyEmitMemo(),
          pieces: new Map(),
          corpus: emptyCorpusMemo(),
          storyPages: new Map(),
          feeds: emptyFeedMemo(),
        },
      }
    : {}),
});

/**
 * Stages 1 to 3: lists the seed files, reads and parses each (through the parse cache, saved
 * afterwards) and builds the corpus (ids, duplicates, order, stories) with its report. `changed`
 * names the files (relative to the folder) that changed since the last run, as a watcher saw them:
 * only those are looked at again. Without it, or when a change is more than a file edited, added
 * or deleted (a folder, a link), the whole folder is listed and every file's size and time read.
 */
export async function readArchive(
  archive: Archive,
  changed?: readonly string[],
  options?: ReadOptions,
): Promise<CorpusRead> {
  const start = performance.now();
  const { seedsDir, cache } = archive;
  const last = archive.listing;
  const lastRead = archive.read;
  // Until this run has read the folder, the next one lists and reads it again (this one may fail half way).
  archive.listing = undefined;
  archive.read = undefined;
  const patched = last && changed ? patchListing(seedsDir, last, changed) : undefined;
  const listing = patched ?? (await listSeedFiles(seedsDir));
  const read = await readSeedFolder(seedsDir, listing.files, cache, {
    ...options,
    ...(patched && changed && lastRead ? { since: { last: lastRead, changed: new Set(changed) } } : {}),
  });
  cache.save();
  archive.listing = listing;
  archive.read = read;
  const corpus = buildCorpus(
    read.files,
    [...listing.issues, ...read.unreadable],
    listing.files.length,
    archive.kept?.corpus,
  );
  return { corpus, stats: read.stats, ms: performance.now() - start };
}

/**
 * The listing after `changed`, when each is a plain seed file now there or now gone and the last
 * listing met no problem and no link (a linked file changes under its target's name, which a
 * watcher reports and the listing does not know); otherwise undefined: list again.
 */
function patchListing(
  seedsDir: string,
  listing: FileListing,
  changed: readonly string[],
): FileListing | undefined {
  if (listing.issues.length > 0 || listing.links) return undefined;
  const added = new Set<string>();
  const removed = new Set<string>();
  const realRoot = realpathSync(seedsDir);
  for (const file of changed) {
    if (!isSeedFile(file) || file.split('/').some((part) => part.startsWith('.'))) return undefined;
    const full = path.join(seedsDir, file);
    const kind = kindOf(full);
    if (kind === 'gone') {
      added.delete(file);
      if (isListed(listing.files, file)) removed.add(file);
      continue;
    }
    // A file reached through a link is listed by where it leads: only a plain path is patched.
    if (kind !== 'file' || realPath(full) !== path.join(realRoot, file)) return undefined;
    removed.delete(file);
    if (!isListed(listing.files, file)) added.add(file);
  }
  // Files edited in place leave the listing as it was (a set of every file, sorted again, took
  // 0.03-0.05 s at 100,000).
  if (added.size === 0 && removed.size === 0) return listing;
  const files = [...listing.files.filter((file) => !removed.has(file)), ...added].sort();
  return { files, issues: [], links: false };
}

/** Where `full` leads; undefined when it is gone meanwhile (an editor saving by renaming). */
function realPath(full: string): string | undefined {
  try {
    return realpathSync(full);
  } catch {
    return undefined;
  }
}

function kindOf(full: string): 'file' | 'gone' | 'other' {
  try {
    return statSync(full).isFile() ? 'file' : 'other';
  } catch {
    return 'gone';
  }
}
