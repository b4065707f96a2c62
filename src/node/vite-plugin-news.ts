import path from 'node:path';
import { normalizePath, type Plugin, type ResolvedConfig } from 'vite';
import { indexFile } from '../shared/data-folder.ts';
import { newsUpdateEvent } from '../shared/dev-events.ts';
import { watchSeedFiles } from './seeds/watch-files.ts';
import { openArchive, type Archive } from './pipeline/archive.ts';
import type { NewsOutput } from './pipeline/build-news.ts';
import { openParseCache, parseCacheDir } from './pipeline/parse-cache.ts';
import { filesUnder } from './files.mjs';
import { newsIndex, newsSettings, runNews, type NewsOptions } from './pipeline/run-news.ts';
import { pieceWriter } from './pipeline/write-data.ts';
import { storyDocument } from './pipeline/emit/story-pages.ts';
import { imagePreload, pageOf, writePageData, writeSite } from './site.ts';
import { forgetShell, shellKeyVariable, shellMade } from './app-shell.mjs';

/** A run of the pipeline: its output, the pieces the dev server serves, how many a build wrote. */
type Run = NewsOutput & { served: Map<string, string>; written: number };

export type NewsPluginOptions = NewsOptions;

/**
 * The pipeline (src/node/pipeline) as a Vite plugin. The data folder is served from memory by the
 * dev server (and rebuilt, and the page told, when a seed changes), and written by a build into
 * `dist/data/` as each piece is made (see write-data.ts), its index last, with the page and the
 * rest of the site around it (see site.ts). A build's page names its data, the index and the
 * first screen's files (see PageData); the app's scripts hold none, and keep their names and
 * bytes when only the articles change, so that `npm run build` can keep them (see app-shell.mjs).
 * A build that fails leaves the last good one whole: its page, its index and every piece it names.
 */
export function newsPlugin(options: NewsPluginOptions = {}): Plugin {
  let config: ResolvedConfig;
  let settings: Required<NewsOptions>;
  /** The dev server's archive, kept from run to run (see archive.ts); a build makes its own. */
  let archive: Archive | undefined;
  /** The seed files the watcher saw change since the last run began; `all` when a folder did. */
  let changes: Set<string> | 'all' = 'all';
  let current: Promise<Run> | undefined;
  let emptyOutDir: boolean | undefined;
  /** A build's shell: Vite's `index.html` before the data. */
  let shellHtml = '';
  /** The dev server's watcher of the seeds folder (see watch-files.ts), and its next rebuild. */
  let stopWatching: (() => void) | undefined;
  let rebuild: ReturnType<typeof setTimeout> | undefined;
  const dev = () => config.command === 'serve';
  const devPrefix = () => `${config.base}@news/`;
  const outDir = () => path.resolve(config.root, config.build.outDir);

  async function run(): Promise<Run> {
    const changed = changes === 'all' ? undefined : [...changes];
    changes = new Set();
    const { seedsDir, strict, siteUrl } = settings;
    // The dev server keeps its archive for the next run; a build lets it go once done.
    const open = () => openArchive(seedsDir, openParseCache(parseCacheDir(config.cacheDir, seedsDir)), dev());
    const state = dev() ? (archive ??= open()) : open();
    // The dev server keeps the pieces to serve them; a build writes each as it is rendered.
    const served = new Map<string, string>();
    const writer = dev() ? undefined : pieceWriter(path.join(outDir(), 'data'));
    const sink = writer?.sink ?? ((name: string, text: string) => served.set(name, text));
    const output = await runNews(state, {
      ...(changed ? { changed } : {}),
      strict: strict && !dev(),
      siteUrl,
      build: !dev(),
      logger: config.logger,
      sink,
    });
    return { ...output, served, written: writer?.written() ?? 0 };
  }
  // One run at a time: the dev server's runs share its archive.
  const start = () => {
    current = (current ?? Promise.resolve()).catch(() => undefined).then(run);
    current.catch(() => undefined); // heard by whoever awaits it
    return current;
  };
  /** The pipeline's output. */
  const output = () => current ?? start();

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
      const seeds = normalizePath(newsSettings(root, '/', options).seedsDir);
      const inSeeds = (file: string) => file === seeds || file.startsWith(`${seeds}/`);
      return inSeeds(root) ? undefined : { server: { watch: { ignored: [inSeeds] } } };
    },
    configResolved(resolved) {
      config = resolved;
      settings = newsSettings(config.root, config.base, options);
      // Vite's rule: empty outDir when asked to, or by default when it is inside the root.
      const relative = path.relative(config.root, outDir());
      emptyOutDir ??= relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
    },
    // Started here, the pipeline runs while Vite bundles the app.
    buildStart: () => void (dev() ? undefined : start()),
    // The dev server's page asks for the first card's image with the page (a build's gets it
    // with its data, see pageOf), and has no data: the reader fetches the index.
    transformIndexHtml: {
      order: 'post',
      async handler() {
        if (!dev()) return undefined;
        const image = (await output()).firstScreen.image;
        return image ? [{ tag: 'link', attrs: imagePreload(image), injectTo: 'head' as const }] : [];
      },
    },
    // Last, once Vite has made its page: the page of the build is that shell with the data in it,
    // and the data it names is written before Vite writes anything, so that a failed pipeline or
    // prerender leaves the last build whole, and the page never names data not yet there.
    generateBundle: {
      order: 'post',
      async handler(_, bundle) {
        const asset = bundle['index.html'];
        if (asset?.type !== 'asset') throw new Error('the build made no index.html');
        shellHtml = String(asset.source);
        const built = await output();
        const page = await pageOf(built, { ...config, html: shellHtml });
        writePageData(outDir(), {
          built,
          page,
          base: config.base,
          written: built.written,
          logger: config.logger,
        });
        asset.source = page.html;
      },
    },
    closeBundle() {
      stopWatching?.();
      stopWatching = undefined;
      clearTimeout(rebuild);
    },
    async writeBundle(_, bundle) {
      // The page was made, so the pipeline has succeeded by now.
      const built = await output();
      const publicFiles = filesUnder(config.publicDir);
      const site = writeSite(outDir(), {
        base: config.base,
        shellHtml,
        built,
        appFiles: [...Object.keys(bundle), ...publicFiles],
        emptyOutDir: emptyOutDir ?? false,
      });
      // `npm run build` keeps the shell, so that its next build can leave the app as it is.
      const { root, base, cacheDir } = config;
      const key = process.env[shellKeyVariable];
      if (!key) forgetShell(root, outDir());
      else {
        const kept = { key, root, base, cacheDir, emptyOutDir: emptyOutDir ?? false, options };
        shellMade(outDir(), { ...kept, html: shellHtml, site });
      }
    },
    configureServer(server) {
      stopWatching = watchSeedFiles(settings.seedsDir, (change) => {
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
          const body =
            file === indexFile ? JSON.stringify(newsIndex(built, devPrefix())) : built.served.get(file);
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
