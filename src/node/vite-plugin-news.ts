import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { normalizePath, type Plugin, type ResolvedConfig } from 'vite';
import {
  indexFile,
  pageDataFile,
  pageDataMeta,
  type NewsIndex,
  type PageData,
} from '../shared/data-folder.ts';
import { pieceName } from '../shared/pieces.ts';
import { newsUpdateEvent } from '../shared/dev-events.ts';
import { watchSeedFiles } from './seeds/watch-files.ts';
import { openArchive, readArchive, type Archive } from './pipeline/archive.ts';
import { emitNews, type NewsOutput } from './pipeline/build-news.ts';
import { openParseCache, parseCacheDir } from './pipeline/parse-cache.ts';
import { progressLine, timingLine } from './pipeline/progress.ts';
import { filesUnder, removeStale } from './pipeline/out-dir.ts';
import { finishDataFolder, hashOf, pieceWriter } from './pipeline/write-data.ts';
import { formatCorpusReport } from './pipeline/stories/story-report.ts';
import { prerenderFirstScreen } from './prerender.ts';
import { storyDocument, storyLoader, storyLoaderPath } from './pipeline/emit/story-pages.ts';

/** A run of the pipeline: its output, the pieces the dev server serves, how many a build wrote. */
type Run = NewsOutput & { served: Map<string, string>; written: number };

export type NewsPluginOptions = {
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

/**
 * The pipeline (src/node/pipeline) as a Vite plugin. The data folder is served from memory by the
 * dev server (and rebuilt, and the page told, when a seed changes), and written by a build into
 * `dist/data/` as each piece is made (see write-data.ts), its index last. A build's page names
 * its data, the index and the first screen's files (see PageData); the app's scripts hold none,
 * and keep their names and bytes when only the articles change. A build that fails leaves the
 * last good one whole: its page, its index and every piece it names.
 */
export function newsPlugin(options: NewsPluginOptions = {}): Plugin {
  let config: ResolvedConfig;
  let seedsDir = '';
  /** The dev server's archive, kept from run to run (see archive.ts); a build makes its own. */
  let archive: Archive | undefined;
  /** The seed files the watcher saw change since the last run began; `all` when a folder did. */
  let changes: Set<string> | 'all' = 'all';
  let current: Promise<Run> | undefined;
  let emptyOutDir: boolean | undefined;
  /** The data a build's page names (see PageData): its piece's name and text, written with the folder. */
  let pagePiece: { name: string; text: string } | undefined;
  /** The dev server's watcher of the seeds folder (see watch-files.ts), and its next rebuild. */
  let stopWatching: (() => void) | undefined;
  let rebuild: ReturnType<typeof setTimeout> | undefined;
  const strict = options.strict ?? process.env.NEWS_STRICT === '1';
  const dev = () => config.command === 'serve';
  const devPrefix = () => `${config.base}@news/`;
  const outDir = () => path.resolve(config.root, config.build.outDir);
  const dataRoot = () => path.join(outDir(), 'data');
  const seedsFolder = (root: string) =>
    path.resolve(root, options.seedsDir ?? process.env.NEWS_SEEDS_DIR ?? 'seeds');

  async function run(): Promise<Run> {
    const label = `${path.relative(process.cwd(), seedsDir) || '.'}/`;
    const changed = changes === 'all' ? undefined : [...changes];
    changes = new Set();
    // The dev server keeps its archive for the next run; a build lets it go once done.
    const open = () => openArchive(seedsDir, openParseCache(parseCacheDir(config.cacheDir, seedsDir)), dev());
    const state = dev() ? (archive ??= open()) : open();
    const { corpus, stats, ms } = await readArchive(state, changed, { onProgress: progressLine(label) });
    const report = formatCorpusReport(corpus, label);
    config.logger[corpus.summary.filesRejected > 0 ? 'warn' : 'info'](report);
    config.logger.info(timingLine(corpus.summary.filesRead, stats, ms));
    if (strict && !dev() && corpus.summary.filesRejected > 0) {
      throw new Error(
        `NEWS_STRICT=1: ${corpus.summary.filesRejected} seed file(s) rejected; see the report above`,
      );
    }
    const siteUrl = options.siteUrl ?? (process.env.NEWS_SITE_URL || config.base);
    if (!dev() && !/^https?:\/\//.test(siteUrl)) {
      config.logger.warn(
        'NEWS_SITE_URL is not set: story pages get no absolute address, so link previews (og:url, canonical) will not work, and there is no sitemap.xml',
      );
    }
    // The dev server keeps the pieces to serve them; a build writes each as it is rendered.
    const served = new Map<string, string>();
    const writer = dev() ? undefined : pieceWriter(dataRoot());
    const sink = writer?.sink ?? ((name: string, text: string) => served.set(name, text));
    const output = emitNews(corpus, siteUrl, sink, state.kept);
    return { ...output, served, written: writer?.written() ?? 0 };
  }
  // One run at a time: the dev server's runs share its archive.
  const start = () => {
    current = (current ?? Promise.resolve()).catch(() => undefined).then(run);
    current.catch(() => undefined); // heard by whoever awaits it
    return current;
  };
  /** The index the browser reads (see NewsIndex): where the data folder is served from, and its pieces. */
  const newsIndex = ({ index, folder }: Pick<NewsOutput, 'index' | 'folder'>): NewsIndex => ({
    base: dev() ? devPrefix() : `${config.base}data/`,
    pieces: folder.root,
    ...index,
  });
  /** The page's data (see PageData), as JSON: the first screen's files are JSON already. */
  const pageData = (output: Pick<NewsOutput, 'index' | 'folder' | 'firstScreen'>) => {
    const firstFiles = Object.entries(output.firstScreen.files).map(
      ([file, text]) => `${JSON.stringify(file)}:${text}`,
    );
    return `{"index":${JSON.stringify(newsIndex(output))},"firstFiles":{${firstFiles.join(',')}}}`;
  };
  /** The pipeline's output; its failure said with what to do about it. */
  const output = () =>
    (current ?? start()).catch((error: unknown) => {
      const message = error instanceof Error ? error.message : String(error);
      throw new Error(
        message.startsWith('NEWS_STRICT')
          ? message
          : `${message}; set NEWS_SEEDS_DIR to a folder of seed files`,
      );
    });

  return {
    name: 'news-reader:seeds',
    config(user, env) {
      // Vite would empty outDir before building; this plugin does it after a build succeeds.
      if (env.command === 'build') {
        emptyOutDir = user.build?.emptyOutDir ?? undefined;
        return { build: { emptyOutDir: false } };
      }
      // The plugin watches the seeds folder itself; Vite's watcher (whose paths have forward
      // slashes, on Windows too) leaves it alone, unless it holds the app as well.
      const root = normalizePath(path.resolve(user.root ?? process.cwd()));
      const seeds = normalizePath(seedsFolder(root));
      const inSeeds = (file: string) => file === seeds || file.startsWith(`${seeds}/`);
      return inSeeds(root) ? undefined : { server: { watch: { ignored: [inSeeds] } } };
    },
    configResolved(resolved) {
      config = resolved;
      seedsDir = seedsFolder(config.root);
    },
    // Started here, the pipeline runs while Vite bundles the app.
    buildStart: () => void (dev() ? undefined : start()),
    // A build's page names its data (see PageData) and holds its first screen, rendered from it
    // (see prerender.ts), and asks for the first card's image with the page, not once the script
    // has drawn the card. The dev server's page has neither: the reader fetches the index.
    transformIndexHtml: {
      order: 'post',
      async handler(html) {
        const built = await output();
        const image = built.firstScreen.image;
        // Only where it is drawn large (see styles.css): a phone's first screen is text, its thumbnails later.
        const attrs = {
          rel: 'preload',
          media: '(min-width: 640px)',
          as: 'image',
          href: image,
          fetchpriority: 'high',
          referrerpolicy: 'no-referrer',
        };
        const preload = image ? [{ tag: 'link', attrs, injectTo: 'head' as const }] : [];
        if (dev()) return preload;
        const text = pageData(built);
        pagePiece = { name: pieceName(pageDataFile, hashOf(text)), text };
        const meta = {
          tag: 'meta',
          attrs: { name: pageDataMeta, content: `${config.base}data/${pagePiece.name}` },
          injectTo: 'head' as const,
        };
        const rendered = await prerenderFirstScreen(config, JSON.parse(text) as PageData);
        return {
          // A function, so that no `$&` or `$'` in an article's text is read as a pattern.
          html: html.replace('<div id="root"></div>', () => `<div id="root">${rendered}</div>`),
          tags: [...preload, meta],
        };
      },
    },
    async generateBundle() {
      const { feeds, pages } = await output();
      for (const { path: fileName, text } of [...feeds, ...pages])
        this.emitFile({ type: 'asset', fileName, source: text });
    },
    closeBundle() {
      stopWatching?.();
      stopWatching = undefined;
      clearTimeout(rebuild);
    },
    async writeBundle(_, bundle) {
      // The page was made, so the pipeline has succeeded by now.
      const built = await output();
      const { folder, written, storyPages } = built;
      // The page's data, a piece named by no manifest: the index names it, to be kept as the pieces are.
      if (pagePiece) pieceWriter(dataRoot()).sink(pagePiece.name, pagePiece.text);
      const deleted = finishDataFolder(dataRoot(), folder, newsIndex(built), pagePiece?.name);
      const count = (n: number) => n.toLocaleString('en');
      config.logger.info(
        `data/: ${count(written)} of ${count(folder.pieces.size)} pieces written, ${count(deleted)} deleted`,
      );
      // Vite's rule: empty outDir when asked to, or by default when it is inside the root.
      const relative = path.relative(config.root, outDir());
      if (emptyOutDir ?? (relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative))) {
        const keep = new Set([...Object.keys(bundle), ...filesUnder(config.publicDir)]);
        removeStale(outDir(), keep);
      }
      // Each story's page, in the reader's own page as Vite wrote it (see storyDocument).
      const html = readFileSync(path.join(outDir(), 'index.html'), 'utf8');
      writeFileSync(path.join(outDir(), storyLoaderPath), storyLoader(html));
      const shell = { html, loader: config.base + storyLoaderPath };
      for (const parts of storyPages) {
        const file = path.join(outDir(), parts.path);
        mkdirSync(path.dirname(file), { recursive: true });
        writeFileSync(file, storyDocument(parts, shell));
      }
    },
    configureServer(server) {
      stopWatching = watchSeedFiles(seedsDir, (change) => {
        if (change === 'all') changes = 'all';
        else if (changes !== 'all') changes.add(change.file);
        clearTimeout(rebuild);
        // Editors write a file in several steps; one rebuild per burst is enough.
        rebuild = setTimeout(
          () =>
            void start().then(
              () => server.ws.send({ type: 'custom', event: newsUpdateEvent }),
              // The folder gone or unreadable: said, and the next change tries again.
              (error: unknown) => config.logger.error(error instanceof Error ? error.message : String(error)),
            ),
          50,
        );
      });
      server.middlewares.use((req, res, next) => {
        const url = req.url?.split('?')[0] ?? '';
        const siteFile = url.startsWith(`${config.base}feeds/`) || url.startsWith(`${config.base}story/`);
        if (siteFile || /\/(sitemap(-\d+)?\.xml|robots\.txt)$/.test(url)) {
          (current ?? start()).then(({ feeds, pages, storyPages }) => {
            const wanted = url.endsWith('/') ? `${url}index.html` : url;
            const named = ({ path: file }: { path: string }) => config.base + file === wanted;
            // The dev server serves a story's page alone, without the reader in it, made when asked.
            const story = storyPages.find(named);
            const found = story ? { text: storyDocument(story) } : [...feeds, ...pages].find(named);
            if (found === undefined) {
              next();
              return;
            }
            res.setHeader('Content-Type', contentTypeOf(wanted));
            res.end(found.text);
          }, next);
          return;
        }
        if (!url.startsWith(devPrefix())) {
          next();
          return;
        }
        (current ?? start()).then((built) => {
          const file = url.slice(devPrefix().length);
          const body = file === indexFile ? JSON.stringify(newsIndex(built)) : built.served.get(file);
          res.setHeader('Cache-Control', 'no-store');
          res.statusCode = body === undefined ? 404 : 200;
          if (body !== undefined) res.setHeader('Content-Type', 'application/json; charset=utf-8');
          res.end(body ?? 'Not found');
        }, next);
      });
    },
  };
}

/** The media type the dev server gives a feed, a story page, a sitemap or robots.txt. */
function contentTypeOf(file: string): string {
  if (file.endsWith('.html')) return 'text/html; charset=utf-8';
  if (file.endsWith('.json')) return 'application/feed+json';
  if (file.endsWith('.txt')) return 'text/plain; charset=utf-8';
  return 'application/xml';
}
