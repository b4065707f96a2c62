import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pageDataFile, pageDataMeta, type PageData } from '../shared/data-folder.ts';
import { pieceName } from '../shared/pieces.ts';
import type { NewsOutput } from './pipeline/build-news.ts';
import { escapeMarkup as escape } from './pipeline/emit/markup.ts';
import { storyDocument, storyLoader, storyLoaderPath } from './pipeline/emit/story-pages.ts';
import { removeStale } from './pipeline/out-dir.ts';
import { openArchive } from './pipeline/archive.ts';
import { openParseCache, parseCacheDir } from './pipeline/parse-cache.ts';
import { newsIndex, newsSettings, runNews, type Logger } from './pipeline/run-news.ts';
import { finishDataFolder, hashOf, pieceWriter } from './pipeline/write-data.ts';
import { prerenderFirstScreen } from './prerender.ts';
import type { Shell } from './app-shell.mjs';
import { writeWhole } from './files.mjs';

/** Where a build's page comes from: the app's root, base and Vite cache, and its shell (see Shell). */
export type PageSource = { root: string; base: string; cacheDir: string; html: string };

/** A build's page, and the piece of data it names (see PageData). */
export type BuiltPage = { html: string; piece: { name: string; text: string } };

/** What the dev server's page and a build's ask for with the page: the first card's image. */
export const imagePreload = (image: string) => ({
  rel: 'preload',
  // Only where it is drawn large (see styles.css): a phone's first screen is text, its thumbnails later.
  media: '(min-width: 640px)',
  as: 'image',
  href: image,
  fetchpriority: 'high',
  referrerpolicy: 'no-referrer',
});

/*
 * What a build writes around the app, the same whether Vite bundled the app in this build or the
 * last one did (see app-shell.mjs), in this order, so that a build that fails half way leaves a
 * site that reads: the page's data (pageOf, writePageData), the page itself, then the rest of the
 * site (writeSite).
 */

/**
 * The page: the shell, Vite's `index.html` before the data (its root empty), with the page's data
 * named in a `<meta>`, the first card's image asked for with the page, and the first screen
 * rendered from that data (see prerender.ts). The data is the index and the first screen's files,
 * as JSON (the files are JSON already), in a piece of its own.
 */
export async function pageOf(
  built: NewsOutput,
  { root, base, cacheDir, html }: PageSource,
): Promise<BuiltPage> {
  if (!html.includes('<div id="root"></div>')) throw new Error('index.html has no empty <div id="root">');
  const firstFiles = Object.entries(built.firstScreen.files).map(
    ([file, text]) => `${JSON.stringify(file)}:${text}`,
  );
  const index = newsIndex(built, `${base}data/`);
  const text = `{"index":${JSON.stringify(index)},"firstFiles":{${firstFiles.join(',')}}}`;
  const piece = { name: pieceName(pageDataFile, hashOf(text)), text };
  const rendered = await prerenderFirstScreen({ root, base, cacheDir }, JSON.parse(text) as PageData);
  const image = built.firstScreen.image;
  const attributes = (attrs: Record<string, string>) =>
    Object.entries(attrs)
      .map(([name, value]) => ` ${name}="${escape(value)}"`)
      .join('');
  const preload = image ? `<link${attributes(imagePreload(image))}>\n` : '';
  const meta = `<meta${attributes({ name: pageDataMeta, content: `${base}data/${piece.name}` })}>\n`;
  const page = html
    // Functions, so that no `$&` or `$'` in an article's text is read as a pattern.
    .replace('</head>', () => `${preload}${meta}</head>`)
    .replace('<div id="root"></div>', () => `<div id="root">${rendered}</div>`);
  return { html: page, piece };
}

/**
 * Before the page is written: the page's data, a piece no manifest names, then the data folder's
 * root, which names it (to be kept as the pieces are), once every piece is written (see
 * pieceWriter).
 */
export function writePageData(
  outDir: string,
  {
    built,
    page,
    base,
    written,
    logger,
  }: { built: NewsOutput; page: BuiltPage; base: string; written: number; logger: Logger },
): void {
  const dataRoot = path.join(outDir, 'data');
  pieceWriter(dataRoot).sink(page.piece.name, page.piece.text);
  const { folder } = built;
  const deleted = finishDataFolder(dataRoot, folder, newsIndex(built, `${base}data/`), page.piece.name);
  logger.info(
    `data/: ${count(written)} of ${count(folder.pieces.size)} pieces written, ${count(deleted)} deleted`,
  );
}

export type SiteParts = {
  base: string;
  /** Vite's `index.html` before the data (see PageSource), which each story's page is put in. */
  shellHtml: string;
  built: NewsOutput;
  /** The app's files in `outDir`: with emptyOutDir, every other file there but the data is deleted. */
  appFiles: readonly string[];
  emptyOutDir: boolean;
};

/**
 * Once the page is written: the feeds, the sitemap and each story's page, and, with
 * `emptyOutDir`, every file an earlier build left that this one did not write. Returns the files
 * written (or left as they were), by path.
 */
export function writeSite(
  outDir: string,
  { base, shellHtml, built, appFiles, emptyOutDir }: SiteParts,
): string[] {
  const { feeds, pages, storyPages } = built;
  const write = (file: string, text: string) => {
    const full = path.join(outDir, file);
    // A file already there with these bytes is left as it is (at 100,000 articles the 4,000 story
    // pages took 1.3-2.8 s to write again, 0.12-0.19 s to read and compare, by hand).
    if (textOf(full) === text) return;
    mkdirSync(path.dirname(full), { recursive: true });
    writeFileSync(full, text);
  };
  for (const { path: file, text } of [...feeds, ...pages]) write(file, text);
  // Each story's page, in the reader's own page (see storyDocument).
  write(storyLoaderPath, storyLoader(shellHtml));
  const shell = { html: shellHtml, loader: base + storyLoaderPath };
  for (const parts of storyPages) write(parts.path, storyDocument(parts, shell));
  const site = [storyLoaderPath, ...[...feeds, ...pages, ...storyPages].map(({ path: file }) => file)];
  if (emptyOutDir) removeStale(outDir, new Set([...appFiles, 'index.html', ...site]));
  return site;
}

/**
 * A build of the data alone, into the app kept in `outDir` (see app-shell.mjs): what the news
 * plugin does in a Vite build, with the page made from the kept shell.
 */
export async function buildData(shell: Shell, outDir: string, logger: Logger): Promise<void> {
  const { seedsDir, strict, siteUrl } = newsSettings(shell.root, shell.base, shell.options);
  const archive = openArchive(seedsDir, openParseCache(parseCacheDir(shell.cacheDir, seedsDir)));
  const writer = pieceWriter(path.join(outDir, 'data'));
  const built = await runNews(archive, { strict, siteUrl, build: true, logger, sink: writer.sink });
  const page = await pageOf(built, shell);
  writePageData(outDir, { built, page, base: shell.base, written: writer.written(), logger });
  // Whole: a build stopped half way leaves the last page.
  writeWhole(path.join(outDir, 'index.html'), page.html);
  writeSite(outDir, {
    base: shell.base,
    shellHtml: shell.html,
    built,
    appFiles: Object.keys(shell.files),
    emptyOutDir: shell.emptyOutDir,
  });
}

const count = (n: number) => n.toLocaleString('en');

/** The text of `file`, or undefined when there is none. */
function textOf(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}
