import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Article } from '../shared/article-schema.ts';
import type { NewsIndex } from '../shared/feed-data.ts';
import {
  buildFeedData,
  deriveArticle,
  derivedFromPrepared,
  type ArticleDerived,
  type FeedData,
  type FeedSnapshot,
} from './feed-data/build-feed-data.ts';
import { patchFeedData, type FeedPatch } from './feed-data/patch-feed-data.ts';
import { writeFiles } from './write-files.ts';
import type { createSeedLoader, SeedScan } from './seeds/load-seeds.ts';
import { pipelineVersion } from './seeds/parse-cache.ts';

/**
 * The data folder of a build (`<outDir>/data/<version>/`), written whole the first time and
 * updated in place afterwards. What the last build wrote is remembered beside the parse cache (a
 * `BuildRecord`): the content hash of every seed file and the folder's `FeedSnapshot`. A rebuild
 * compares hashes, and when the only change is articles edited in place, it renames the folder to
 * its new version and rewrites the few files those articles appear in (see patch-feed-data.ts).
 * Anything else (a file added or removed, an article moved, a folder missing) writes it whole.
 */

type BuildRecord = { pipeline: string; hashes: [string, string][]; feed: FeedSnapshot };

export type DataFolderPlan = {
  /** The folder's name under `data/`. */
  version: string;
  index: Omit<NewsIndex, 'base'>;
  /** Whether the previous build's folder is updated in place, or a new one written whole. */
  kind: 'patch' | 'whole';
  /** Files written (or deleted) when the plan is carried out. */
  files: number;
  /** Writes the folder into `dataRoot` and records it for the next build. */
  write: () => Promise<void>;
};

type SeedLoader = ReturnType<typeof createSeedLoader>;

export function planDataFolder(options: {
  scan: SeedScan;
  loader: SeedLoader;
  /** `<outDir>/data`. */
  dataRoot: string;
  /** Where the record of the last build into `dataRoot` is kept. */
  recordFile: string;
}): DataFolderPlan {
  const { scan, loader, dataRoot, recordFile } = options;
  const pipeline = pipelineVersion();
  const remember = (feed: FeedSnapshot) => {
    mkdirSync(path.dirname(recordFile), { recursive: true });
    const record: BuildRecord = {
      pipeline,
      hashes: [...scan.hashes].map(([file, hash]) => [file, short(hash)]),
      feed,
    };
    writeFileSync(`${recordFile}.tmp`, JSON.stringify(record));
    renameSync(`${recordFile}.tmp`, recordFile);
  };

  const previous = readRecord(recordFile, pipeline);
  const patch =
    previous && patchFromRecord(previous, scan, loader, path.join(dataRoot, previous.feed.version));
  if (previous && patch) {
    return {
      version: patch.snapshot.version,
      index: patch.snapshot.index,
      kind: 'patch',
      files: patch.files.size,
      write: async () => {
        const from = path.join(dataRoot, previous.feed.version);
        const to = path.join(dataRoot, patch.snapshot.version);
        // The record goes first: a build stopped half way must not be patched again.
        rmSync(recordFile, { force: true });
        if (from !== to) await rename(from, to);
        for (const [file, text] of patch.files) {
          const target = path.join(to, file);
          if (text === null) {
            await rm(target, { force: true });
          } else {
            await mkdir(path.dirname(target), { recursive: true });
            await writeFile(target, text);
          }
        }
        removeOthers(dataRoot, patch.snapshot.version);
        remember(patch.snapshot);
      },
    };
  }

  // What the parse workers prepared (every article, in a cold build) is placed by its facts and
  // written from its text, never made an object; any other article is read back from the cache.
  const items = scan.kept.map((kept) => {
    const prepared = loader.prepared(kept.id);
    if (prepared) return { id: kept.id, ...prepared.facts, derived: derivedFromPrepared(kept.id, prepared) };
    const article = loader.article(kept);
    return { ...article, derived: deriveArticle(article) };
  });
  const data = buildFeedData(items, undefined, (item) => item.derived);
  return {
    version: data.version,
    index: data.index,
    kind: 'whole',
    files: [...data.paths()].length,
    write: async () => {
      rmSync(recordFile, { force: true });
      const folder = path.join(dataRoot, data.version);
      // An earlier folder is written over rather than deleted first: see reuseEarlierFolder.
      const reused = reuseEarlierFolder(dataRoot, data.version, previous?.feed.version);
      await writeWhole(folder, data);
      if (reused) removeFilesNotIn(folder, new Set(data.paths()));
      if (existsSync(dataRoot)) removeOthers(dataRoot, data.version);
      remember(data.snapshot);
    },
  };
}

/**
 * For buildFeedData: an article's text, words and hash as the parse workers prepared them in the
 * loader's last scan (all of them in a cold build), so that this thread does not work them out again.
 */
export function preparedByWorkers(loader: SeedLoader): (article: Article) => ArticleDerived | undefined {
  return (article) => {
    const prepared = loader.prepared(article.id);
    return prepared && derivedFromPrepared(article.id, prepared);
  };
}

/** A content hash cut to 72 bits: the record only tells changed files from unchanged ones. */
const short = (hash: string) => hash.slice(0, 12);

function readRecord(file: string, pipeline: string): BuildRecord | undefined {
  try {
    const record = JSON.parse(readFileSync(file, 'utf8')) as BuildRecord;
    return record.pipeline === pipeline ? record : undefined;
  } catch {
    return undefined;
  }
}

/** The patch from the recorded build to this scan, when the change is one a patch can express. */
function patchFromRecord(
  record: BuildRecord,
  scan: SeedScan,
  loader: SeedLoader,
  folder: string,
): FeedPatch | undefined {
  if (!existsSync(folder) || record.hashes.length !== scan.hashes.size) return undefined;
  const changed = new Set<string>();
  for (const [file, hash] of record.hashes) {
    const now = scan.hashes.get(file);
    if (now === undefined) return undefined;
    if (short(now) !== hash) changed.add(file);
  }
  // The same articles kept (no duplicate won or lost, none accepted or rejected), by id.
  const ids = new Set(record.feed.ids);
  if (ids.size !== scan.kept.length || scan.kept.some(({ id }) => !ids.has(id))) return undefined;
  const edited = scan.kept.filter(({ file }) => changed.has(file)).map(loader.article);
  return patchFeedData(record.feed, edited, (file) => {
    try {
      return readFileSync(path.join(folder, file), 'utf8');
    } catch {
      return undefined;
    }
  });
}

/** Every file of the folder, written on worker threads (see writeFiles), each made as it is needed. */
async function writeWhole(folder: string, data: FeedData): Promise<void> {
  function* files(): Iterable<[string, string]> {
    for (const file of data.paths()) yield [path.join(folder, file), data.render(file) ?? ''];
  }
  await writeFiles(files());
}

/**
 * Makes `data/<version>` out of an earlier data folder, when there is one (the last build's, or
 * any), by renaming it; true when it did. Writing a folder over an earlier one changes files in
 * place, where deleting it first and writing anew would free and then allocate an inode per file:
 * on an ext4 without a journal (this project's build machine), allocating tens of thousands of
 * inodes just after freeing as many costs ten times as long (the kernel checks every recently
 * freed inode it passes over, see ext4's `recently_deleted`).
 */
function reuseEarlierFolder(root: string, version: string, last: string | undefined): boolean {
  const target = path.join(root, version);
  if (existsSync(target)) return true;
  let names: string[];
  try {
    names = readdirSync(root, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name);
  } catch {
    return false;
  }
  const earlier = last !== undefined && names.includes(last) ? last : names[0];
  if (earlier === undefined) return false;
  renameSync(path.join(root, earlier), target);
  return true;
}

/** Deletes every file under `folder` that is not in `keep` (paths relative to it), and emptied folders. */
function removeFilesNotIn(folder: string, keep: ReadonlySet<string>): void {
  const folders: string[] = [];
  for (const entry of readdirSync(folder, { recursive: true, withFileTypes: true })) {
    const full = path.join(entry.parentPath, entry.name);
    if (entry.isDirectory()) folders.push(full);
    else if (!keep.has(path.relative(folder, full).split(path.sep).join('/'))) rmSync(full, { force: true });
  }
  // Deepest first, so that a folder's emptied subfolders are gone before it is tried.
  for (const dir of folders.sort((a, b) => b.length - a.length)) {
    if (readdirSync(dir).length === 0) rmSync(dir, { recursive: true, force: true });
  }
}

/** Earlier versions left in `data/` by a build that stopped before cleaning up. */
function removeOthers(root: string, keep: string): void {
  for (const name of readdirSync(root)) {
    if (name !== keep) rmSync(path.join(root, name), { recursive: true, force: true });
  }
}
