import path from 'node:path';
import type { NewsIndex } from '../../shared/data-folder.ts';
import { readArchive, type Archive } from './archive.ts';
import { emitNews, type NewsOutput } from './build-news.ts';
import { progressLine, timingLine } from './progress.ts';
import { formatCorpusReport } from './stories/story-report.ts';
import type { PieceSink } from './write-data.ts';

/** Where a run says what it read: Vite's logger in the plugin, the console in `npm run build`. */
export type Logger = { info: (message: string) => void; warn: (message: string) => void };

export type RunOptions = {
  /** The seed files a watcher saw change since the last run; undefined: look at every file. */
  changed?: readonly string[];
  /** Fail when a file is rejected (NEWS_STRICT=1); never in the dev server. */
  strict: boolean;
  /** Where the site is served, for the feeds' and story pages' links (see NewsPluginOptions). */
  siteUrl: string;
  /** Whether the run is a build's: it warns when `siteUrl` is not absolute. */
  build: boolean;
  logger: Logger;
  /** Where each piece goes as it is rendered: a build's writer, or the dev server's map. */
  sink: PieceSink;
};

/**
 * Stages 1 to 4 of a build or of a dev-server run: reads `archive` (see readArchive), says what it
 * read and rejected, and emits the data folder into `sink`, the feeds and the story pages.
 */
export async function runNews(
  archive: Archive,
  { changed, strict, siteUrl, build, logger, sink }: RunOptions,
): Promise<NewsOutput> {
  const label = `${path.relative(process.cwd(), archive.seedsDir) || '.'}/`;
  const { corpus, stats, ms } = await readArchive(archive, changed, {
    onProgress: progressLine(label),
  }).catch((error: unknown) => {
    // The folder is missing or cannot be read: said with what to do about it.
    throw new Error(
      `${error instanceof Error ? error.message : String(error)}; set NEWS_SEEDS_DIR to a folder of seed files`,
    );
  });
  logger[corpus.summary.filesRejected > 0 ? 'warn' : 'info'](formatCorpusReport(corpus, label));
  logger.info(timingLine(corpus.summary.filesRead, stats, ms));
  if (strict && corpus.summary.filesRejected > 0) {
    throw new Error(
      `NEWS_STRICT=1: ${corpus.summary.filesRejected} seed file(s) rejected; see the report above`,
    );
  }
  if (build && !/^https?:\/\//.test(siteUrl)) {
    logger.warn(
      'NEWS_SITE_URL is not set: story pages get no absolute address, so link previews (og:url, canonical) will not work, and there is no sitemap.xml',
    );
  }
  return emitNews(corpus, siteUrl, sink, archive.kept);
}

/** The index the browser reads (see NewsIndex): `base`, where the data folder is served from, and its pieces. */
export const newsIndex = (
  { index, folder }: Pick<NewsOutput, 'index' | 'folder'>,
  base: string,
): NewsIndex => ({
  base,
  pieces: folder.root,
  ...index,
});

export type NewsOptions = {
  /** The seeds folder; defaults to NEWS_SEEDS_DIR, then `seeds/`, relative to the Vite root. */
  seedsDir?: string;
  /** Fail the build when a file is rejected; defaults to NEWS_STRICT=1. */
  strict?: boolean;
  /**
   * Where the site is served, as an absolute URL ending in `/`, for the feeds' links; defaults to
   * NEWS_SITE_URL, then to the base path alone.
   */
  siteUrl?: string;
};

/** `options` with their defaults, for an app at `root` served under `base`. */
export const newsSettings = (
  root: string,
  base: string,
  options: NewsOptions = {},
): Required<NewsOptions> => ({
  seedsDir: path.resolve(root, options.seedsDir ?? process.env.NEWS_SEEDS_DIR ?? 'seeds'),
  strict: options.strict ?? process.env.NEWS_STRICT === '1',
  siteUrl: options.siteUrl ?? (process.env.NEWS_SITE_URL || base),
});
