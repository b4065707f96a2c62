import { createHash } from 'node:crypto';
import path from 'node:path';
import type { Logger, Plugin, ResolvedConfig } from 'vite';
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
 * the URL of the articles' JSON. The JSON is emitted as a content-hashed asset in the build and
 * served from memory by the dev server, which re-parses and notifies the page on every change.
 */
export function newsPlugin(options: NewsPluginOptions = {}): Plugin {
  let loader: ReturnType<typeof createSeedLoader>;
  let config: ResolvedConfig;
  let seedsDir = '';
  let current: Promise<SeedLoad> | undefined;
  let json = '';

  const strict = options.strict ?? process.env.NEWS_STRICT === '1';
  const devPath = () => `${config.base}@news/articles.json`;
  const buildFile = () =>
    `data/articles-${createHash('sha256').update(json).digest('hex').slice(0, 10)}.json`;

  async function reload(logger: Logger): Promise<SeedLoad> {
    const result = await loader.load(seedsDir);
    json = JSON.stringify(result.articles);
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
        cacheFile: path.join(config.cacheDir, 'news-reader', `seeds-${folderKey}.json`),
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
        const url = config.command === 'serve' ? devPath() : `${config.base}${buildFile()}`;
        return `export const articlesUrl = ${JSON.stringify(url)};\n`;
      },
    },
    generateBundle() {
      if (json !== '') this.emitFile({ type: 'asset', fileName: buildFile(), source: json });
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
        if (req.url?.split('?')[0] !== devPath()) {
          next();
          return;
        }
        current ??= reload(server.config.logger);
        current.then(
          () => {
            res.setHeader('Content-Type', 'application/json; charset=utf-8');
            res.setHeader('Cache-Control', 'no-store');
            res.end(json);
          },
          (error: unknown) => next(error),
        );
      });
    },
  };
}
