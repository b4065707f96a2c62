import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Logger, Plugin, ResolvedConfig } from 'vite';
import type { NewsIndex } from '../shared/feed-data.ts';
import { buildFeedData, type FeedData } from './feed-data/build-feed-data.ts';
import { mapLimit } from './map-limit.ts';
import { isSeedFile } from './seeds/list-files.ts';
import { createSeedLoader, type SeedLoad } from './seeds/load-seeds.ts';
import { formatReport } from './seeds/report.ts';

export const virtualId = 'virtual:news';
const resolvedVirtualId = `\0${virtualId}`;
/** Sent to the page when the seeds change in the dev server; the app refetches on it. */
export const updateEvent = 'news:update';

export type NewsPluginOptions = {
  /** The seeds folder; defaults to NEWS_SEEDS_DIR, then `seeds/`, relative to the Vite root. */
  seedsDir?: string;
  /** Fail the build when a file is rejected; defaults to NEWS_STRICT=1. */
  strict?: boolean;
};

/**
 * Parses the seeds folder at build and dev time and exposes it as `virtual:news`, which exports
 * the reader's small index (counts, the commonest topics, where the data lives). The data folder
 * (pages, topic lists, search shards; see src/shared/feed-data.ts) is written beside the build
 * under a name that changes with the content, and served from memory by the dev server, which
 * re-parses and notifies the page on every change.
 */
export function newsPlugin(options: NewsPluginOptions = {}): Plugin {
  let loader: ReturnType<typeof createSeedLoader>;
  let config: ResolvedConfig;
  let seedsDir = '';
  let current: Promise<SeedLoad> | undefined;
  let data: FeedData | undefined;

  const strict = options.strict ?? process.env.NEWS_STRICT === '1';
  const devPrefix = () => `${config.base}@news/`;
  const devIndexPath = () => `${devPrefix()}index.json`;
  const newsIndex = (feed: FeedData): NewsIndex => ({
    base:
      config.command === 'serve' ? `${devPrefix()}${feed.version}/` : `${config.base}data/${feed.version}/`,
    ...feed.index,
  });

  async function reload(logger: Logger): Promise<SeedLoad> {
    const result = await loader.load(seedsDir);
    data = buildFeedData(result.articles);
    const label = `${path.relative(process.cwd(), seedsDir) || '.'}/`;
    const report = formatReport(result.issues, result.summary, label);
    if (result.summary.filesRejected > 0) logger.warn(report);
    else logger.info(report);
    return result;
  }

  return {
    name: 'news-reader:seeds',
    configResolved(resolved) {
      config = resolved;
      seedsDir = path.resolve(config.root, options.seedsDir ?? process.env.NEWS_SEEDS_DIR ?? 'seeds');
      // One cache file per seeds folder, in Vite's cache (node_modules/.vite): parsed files
      // survive between builds, so a rebuild after one edit re-parses one file.
      const folderKey = createHash('sha256').update(seedsDir).digest('hex').slice(0, 12);
      loader = createSeedLoader({
        cacheDir: path.join(config.cacheDir, 'news-reader', `seeds-${folderKey}`),
      });
    },
    resolveId: {
      filter: { id: new RegExp(`^${virtualId}$`) },
      handler: () => resolvedVirtualId,
    },
    load: {
      filter: { id: new RegExp(`^\\0${virtualId}$`) },
      async handler() {
        current ??= reload(config.logger);
        const result = await current.catch((error: unknown) => {
          current = undefined;
          return this.error(
            `${error instanceof Error ? error.message : String(error)}; set NEWS_SEEDS_DIR to a folder of seed files`,
          );
        });
        if (strict && config.command === 'build' && result.summary.filesRejected > 0) {
          this.error(
            `NEWS_STRICT=1: ${result.summary.filesRejected} seed file(s) rejected; see the report above`,
          );
        }
        const dev = config.command === 'serve' ? devIndexPath() : null;
        return [
          `export const index = ${JSON.stringify(newsIndex(data as FeedData))};`,
          `export const devIndexUrl = ${JSON.stringify(dev)};`,
          '',
        ].join('\n');
      },
    },
    async writeBundle(output) {
      if (!data) return;
      const feed = data;
      const folder = path.join(
        output.dir ?? path.resolve(config.root, config.build.outDir),
        'data',
        feed.version,
      );
      // Tens of thousands of small files at 100,000 articles: a few writes at a time, each
      // folder made once.
      const folders = new Map<string, Promise<unknown>>();
      await mapLimit([...feed.paths()], 16, async (file) => {
        const target = path.join(folder, file);
        const dir = path.dirname(target);
        let made = folders.get(dir);
        if (!made) {
          made = mkdir(dir, { recursive: true });
          folders.set(dir, made);
        }
        await made;
        await writeFile(target, feed.render(file) ?? '');
      });
    },
    configureServer(server) {
      server.watcher.add(seedsDir);
      let timer: ReturnType<typeof setTimeout> | undefined;
      const onChange = (file: string) => {
        const inside = path.relative(seedsDir, file);
        if (inside.startsWith('..') || path.isAbsolute(inside)) return;
        clearTimeout(timer);
        // Editors write a file in several steps; one re-parse per burst is enough.
        timer = setTimeout(() => {
          current = reload(server.config.logger);
          void current.then(() => server.ws.send({ type: 'custom', event: updateEvent }));
        }, 50);
      };
      server.watcher.on('all', (event, file) => {
        if (event === 'addDir' || event === 'unlinkDir' || isSeedFile(file)) onChange(file);
      });
      server.middlewares.use((req, res, next) => {
        const url = req.url?.split('?')[0] ?? '';
        if (!url.startsWith(devPrefix())) {
          next();
          return;
        }
        current ??= reload(server.config.logger);
        current.then(
          () => {
            const feed = data as FeedData;
            const file = url.slice(devPrefix().length);
            const versioned = `${feed.version}/`;
            const body =
              url === devIndexPath()
                ? JSON.stringify(newsIndex(feed))
                : file.startsWith(versioned)
                  ? feed.render(file.slice(versioned.length))
                  : undefined;
            res.setHeader('Cache-Control', 'no-store');
            if (body === undefined) {
              res.statusCode = 404;
              res.end('Not found');
              return;
            }
            res.setHeader('Content-Type', 'application/json; charset=utf-8');
            res.end(body);
          },
          (error: unknown) => next(error),
        );
      });
    },
  };
}
