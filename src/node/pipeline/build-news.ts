import type { NewsIndex } from '../../shared/data-folder.ts';
import type { Corpus } from './corpus.ts';
import { emitDataFolder } from './emit/data-folder.ts';
import { feedFiles, type TextFile } from './emit/feed-files.ts';
import { sitemapFiles } from './emit/sitemap-files.ts';
import { pagedStories, storyPagesOf, type StoryPageMemo, type StoryPageParts } from './emit/story-pages.ts';
import { storyPagePath } from '../../shared/story-paths.ts';
import type { Kept } from './archive.ts';
import { renderDataFolder, type PieceSink, type RenderedFolder } from './write-data.ts';

export type NewsOutput = {
  /** The index (see NewsIndex), but where the data folder is served from and its pieces. */
  index: Omit<NewsIndex, 'base' | 'pieces'>;
  folder: RenderedFolder;
  /** The feeds, at paths under the site's base that stay the same from build to build. */
  feeds: TextFile[];
  /** The sitemap and robots.txt, likewise. */
  pages: TextFile[];
  /** A page per story of two articles or more, at `story/<id>/`, to be put in the reader's page. */
  storyPages: StoryPageParts[];
  /**
   * The files of the folder the first screen reads, put in the page (each file's JSON by its
   * path, see PageData), and its first image.
   */
  firstScreen: { files: Record<string, string>; image?: string };
};

/**
 * Stage 4: the data folder of a corpus, rendered to JSON piece by piece into `sink` (through the
 * last run's pieces when kept, see Archive), and its feeds, whose links start with `siteUrl`.
 */
export function emitNews(corpus: Corpus, siteUrl: string, sink: PieceSink, kept?: Kept): NewsOutput {
  const { index, files, firstScreen, rankOf } = emitDataFolder(corpus, undefined, undefined, kept);
  const firstFiles = new Set(firstScreen.pages);
  return {
    index,
    folder: renderDataFolder(files, sink, kept?.pieces),
    feeds: feedFiles(corpus.articles, siteUrl, kept?.feeds),
    ...pageFiles(corpus, rankOf, siteUrl, kept?.storyPages),
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

/** Each story's page, and the sitemap (the reader, then the stories, oldest first) and robots.txt. */
function pageFiles(
  corpus: Corpus,
  rankOf: ReadonlyMap<string, number>,
  siteUrl: string,
  memo?: StoryPageMemo,
): Pick<NewsOutput, 'pages' | 'storyPages'> {
  const stories = pagedStories(corpus.articles, corpus.stories, rankOf);
  const newest = corpus.articles.find((article) => article.published)?.publishedAt;
  const entries = stories.map(({ id, reports }) => ({
    path: storyPagePath(id),
    lastmod: (reports.at(-1) as (typeof reports)[number]).publishedAt,
  }));
  return {
    storyPages: storyPagesOf(stories, siteUrl, memo),
    pages: sitemapFiles([{ path: '', lastmod: newest ?? new Date(0).toISOString() }, ...entries], siteUrl),
  };
}
