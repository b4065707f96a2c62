import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
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

/**
 * What a build writes around the app, the same whether Vite bundled the app in this build or the
 * last one did (see app-shell.ts): the page, made of the app's `index.html` as Vite wrote it (the
 * shell: its root empty, no data named), the data a build's page names, and its first screen
 * rendered; then the data folder's root, the feeds, the sitemap and each story's page.
 */

/** Where a build's page comes from: the app's root, base and Vite cache, and its shell. */
export type PageSource = { root: string; base: string; cacheDir: string; html: string };

/** A build's page, and the piece of data it names (see PageData). */
export type BuiltPage = { html: string; piece: { name: string; text: string } };

/**
 * The page: the shell with the page's data named in a `<meta>`, the first card's image asked for
 * with the page, and the first screen rendered from that data (see prerender.ts). The data is the
 * index and the first screen's files, as JSON (the files are JSON already), in a piece of its own.
 */
export async function pageOf(
  built: NewsOutput,
  { root, base, cacheDir, html }: PageSource,
): Promise<BuiltPage> {
  const firstFiles = Object.entries(built.firstScreen.files).map(
    ([file, text]) => `${JSON.stringify(file)}:${text}`,
  );
  const index = newsIndex(built, `${base}data/`);
  const text = `{"index":${JSON.stringify(index)},"firstFiles":{${firstFiles.join(',')}}}`;
  const piece = { name: pieceName(pageDataFile, hashOf(text)), text };
  const rendered = await prerenderFirstScreen({ root, base, cacheDir }, JSON.parse(text) as PageData);
  const image = built.firstScreen.image;
  // Only where it is drawn large (see styles.css): a phone's first screen is text, its thumbnails later.
  const preload = image
    ? `<link rel="preload" media="(min-width: 640px)" as="image" href="${escape(image)}" fetchpriority="high" referrerpolicy="no-referrer">\n`
    : '';
  const meta = `<meta name="${pageDataMeta}" content="${escape(`${base}data/${piece.name}`)}">\n`;
  if (!html.includes('<div id="root"></div>')) throw new Error('index.html has no empty <div id="root">');
  const page = html
    // Functions, so that no `$&` or `$'` in an article's text is read as a pattern.
    .replace('</head>', () => `${preload}${meta}</head>`)
    .replace('<div id="root"></div>', () => `<div id="root">${rendered}</div>`);
  return { html: page, piece };
}

export type SiteParts = {
  outDir: string;
  base: string;
  /** The shell (see PageSource), which each story's page is put in. */
  shell: string;
  built: NewsOutput;
  page: BuiltPage;
  /** How many pieces the pipeline wrote (see pieceWriter). */
  written: number;
  /** The app's files in `outDir` (see Shell): with emptyOutDir, every other file there but the data is deleted. */
  appFiles: readonly string[];
  emptyOutDir: boolean;
  logger: Logger;
};

/**
 * Once the page is written: the page's data, then the data folder's root (the pieces are written
 * by then, see pieceWriter), the feeds, the sitemap and each story's page, and, with `emptyOutDir`,
 * every file an earlier build left that this one did not write.
 */
export function finishSite({
  outDir,
  base,
  shell,
  built,
  page,
  written,
  appFiles,
  emptyOutDir,
  logger,
}: SiteParts): void {
  const dataRoot = path.join(outDir, 'data');
  const { folder, feeds, pages, storyPages } = built;
  // The page's data, a piece named by no manifest: the index names it, to be kept as the pieces are.
  const writer = pieceWriter(dataRoot);
  writer.sink(page.piece.name, page.piece.text);
  const deleted = finishDataFolder(dataRoot, folder, newsIndex(built, `${base}data/`), page.piece.name);
  logger.info(
    `data/: ${count(written)} of ${count(folder.pieces.size)} pieces written, ${count(deleted)} deleted`,
  );
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
  write(storyLoaderPath, storyLoader(shell));
  const inShell = { html: shell, loader: base + storyLoaderPath };
  for (const parts of storyPages) write(parts.path, storyDocument(parts, inShell));
  if (emptyOutDir) {
    const site = [...feeds, ...pages, ...storyPages].map(({ path: file }) => file);
    removeStale(outDir, new Set([...appFiles, 'index.html', storyLoaderPath, ...site]));
  }
}

/**
 * A build of the data alone, into the app `shell` kept in `outDir` (see app-shell.mjs): what the
 * news plugin does in a Vite build, with the page made from the kept shell.
 */
export async function buildData(shell: Shell, outDir: string, logger: Logger): Promise<void> {
  const { seedsDir, strict, siteUrl } = newsSettings(shell.root, shell.base);
  const archive = openArchive(seedsDir, openParseCache(parseCacheDir(shell.cacheDir, seedsDir)));
  const writer = pieceWriter(path.join(outDir, 'data'));
  const built = await runNews(archive, { strict, siteUrl, build: true, logger, sink: writer.sink });
  const page = await pageOf(built, shell);
  // Renamed into place: a build stopped half way leaves the last page whole.
  writeFileSync(path.join(outDir, 'index.html.tmp'), page.html);
  renameSync(path.join(outDir, 'index.html.tmp'), path.join(outDir, 'index.html'));
  finishSite({
    ...{ outDir, base: shell.base, shell: shell.html, built, page, written: writer.written() },
    ...{ appFiles: Object.keys(shell.files), emptyOutDir: shell.emptyOutDir, logger },
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
