import type { NewsIndex } from '../../shared/data-folder.ts';
import { listSeedFiles } from '../seeds/list-files.ts';
import { buildCorpus, type Corpus } from './corpus.ts';
import { emitDataFolder } from './emit/data-folder.ts';
import { feedFiles, type TextFile } from './emit/feed-files.ts';
import type { ParseCache } from './parse-cache.ts';
import { readSeedFolder, type ReadOptions } from './read-seeds.ts';
import { renderDataFolder, type PieceSink, type RenderedFolder } from './write-data.ts';

export type CorpusRead = {
  corpus: Corpus;
  /** Files parsed now, and files whose parse came from the cache. */
  stats: { parsed: number; cached: number };
  ms: number;
};

/**
 * Stages 1 to 3: list the seed files, read and parse each (through the parse cache, saved
 * afterwards), and build the corpus (ids, duplicates, order) with its report. Enough for
 * `check:seeds`; a build goes on with `emitNews`.
 */
export async function readCorpus(
  seedsDir: string,
  cache: ParseCache,
  options?: ReadOptions,
): Promise<CorpusRead> {
  const start = performance.now();
  const listing = await listSeedFiles(seedsDir);
  const read = await readSeedFolder(seedsDir, listing.files, cache, options);
  cache.save();
  const corpus = buildCorpus(read.files, [...listing.issues, ...read.unreadable], listing.files.length);
  return { corpus, stats: read.stats, ms: performance.now() - start };
}

export type NewsOutput = {
  /** What `virtual:news` exports, but where the data folder is served from and its pieces. */
  index: Omit<NewsIndex, 'base' | 'pieces'>;
  folder: RenderedFolder;
  /** The feeds, at paths under the site's base that stay the same from build to build. */
  feeds: TextFile[];
  /**
   * The files of the folder the first screen reads, bundled with the page (each file's JSON by
   * its path), and its first image.
   */
  firstScreen: { files: Record<string, string>; image?: string };
};

/**
 * Stage 4: the data folder of a corpus, rendered to JSON piece by piece into `sink`, and its
 * feeds, whose links start with `siteUrl`.
 */
export function emitNews(corpus: Corpus, siteUrl: string, sink: PieceSink): NewsOutput {
  const { index, files, firstScreen } = emitDataFolder(corpus);
  const firstFiles = new Set(firstScreen.pages);
  return {
    index,
    folder: renderDataFolder(files, sink),
    feeds: feedFiles(corpus.articles, siteUrl),
    firstScreen: {
      files: Object.fromEntries(
        files
          .filter(({ path }) => firstFiles.has(path))
          .map(({ path, data }) => [path, JSON.stringify(data)]),
      ),
      ...(firstScreen.image ? { image: firstScreen.image } : {}),
    },
  };
}
