import type { NewsIndex } from '../../shared/data-folder.ts';
import { listSeedFiles } from '../seeds/list-files.ts';
import { buildCorpus, type Corpus } from './corpus.ts';
import { emitDataFolder } from './emit/data-folder.ts';
import { feedFiles, type TextFile } from './emit/feed-files.ts';
import type { ParseCache } from './parse-cache.ts';
import { readSeedFolder, type ReadOptions } from './read-seeds.ts';
import { renderDataFolder, type RenderedFolder } from './write-data.ts';

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
  /** The files of the folder the first screen reads, bundled with the page, and its first image. */
  firstScreen: { pages: string[]; image?: string };
};

/**
 * Stage 4: the data folder of a corpus, rendered to JSON, and its feeds, whose links start with
 * `siteUrl`; writing them (write-data.ts, the plugin) is the caller's.
 */
export function emitNews(corpus: Corpus, siteUrl: string): NewsOutput {
  const { index, files, firstScreen } = emitDataFolder(corpus);
  return { index, folder: renderDataFolder(files), feeds: feedFiles(corpus.articles, siteUrl), firstScreen };
}
