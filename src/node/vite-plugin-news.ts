import { createHash } from 'node:crypto';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { Logger, Plugin, ResolvedConfig } from 'vite';
import type { NewsIndex } from '../shared/feed-data.ts';
import { planDataFolder, preparedByWorkers, type DataFolderPlan } from './data-folder.ts';
import { buildFeedData, type FeedData } from './feed-data/build-feed-data.ts';
import { isSeedFile } from './seeds/list-files.ts';
import { createSeedLoader, type SeedScan } from './seeds/load-seeds.ts';
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
 * under a name that changes with the content, and updated in place by the next build when it can
 * be (see data-folder.ts). The dev server serves it from memory, re-parses on every change and
 * notifies the page.
 */
export function newsPlugin(options: NewsPluginOptions = {}): Plugin {
  let loader: ReturnType<typeof createSeedLoader>;
  let config: ResolvedConfig;
  let seedsDir = '';
  let cacheDir = '';
  let current: Promise<SeedScan> | undefined;
  /** The dev server's data folder, in memory. */
  let data: FeedData | undefined;
  /** The build's data folder, to be written (or patched) beside the app. */
  let plan: DataFolderPlan | undefined;
  /** Whether the user's configuration asked Vite to empty outDir (see `config`). */
  let emptyOutDir: boolean | undefined;

  const strict = options.strict ?? process.env.NEWS_STRICT === '1';
  const devPrefix = () => `${config.base}@news/`;
  const devIndexPath = () => `${devPrefix()}index.json`;
  const outDir = () => path.resolve(config.root, config.build.outDir);
  const newsIndex = (): NewsIndex => {
    const { version, index } = (config.command === 'serve' ? data : plan) as FeedData | DataFolderPlan;
    return {
      base: config.command === 'serve' ? `${devPrefix()}${version}/` : `${config.base}data/${version}/`,
      ...index,
    };
  };

  async function reload(logger: Logger): Promise<SeedScan> {
    if (config.command === 'serve') {
      const result = await loader.load(seedsDir);
      data = buildFeedData(result.articles, undefined, preparedByWorkers(loader));
      report(logger, result);
      return result;
    }
    const scan = await loader.scan(seedsDir);
    report(logger, scan);
    const outKey = createHash('sha256').update(outDir()).digest('hex').slice(0, 12);
    plan = planDataFolder({
      scan,
      loader,
      dataRoot: path.join(outDir(), 'data'),
      recordFile: path.join(cacheDir, `build-${outKey}.json`),
    });
    return scan;
  }

  function report(logger: Logger, scan: SeedScan): void {
    const label = `${path.relative(process.cwd(), seedsDir) || '.'}/`;
    const text = formatReport(scan.issues, scan.summary, label);
    if (scan.summary.filesRejected > 0) logger.warn(text);
    else logger.info(text);
  }

  return {
    name: 'news-reader:seeds',
    config(user, env) {
      if (env.command !== 'build') return undefined;
      // The data folder outlives builds so that a rebuild can update it in place: Vite must not
      // empty outDir, this plugin does, sparing `data/` (see buildStart).
      emptyOutDir = user.build?.emptyOutDir ?? undefined;
      return { build: { emptyOutDir: false } };
    },
    configResolved(resolved) {
      config = resolved;
      seedsDir = path.resolve(config.root, options.seedsDir ?? process.env.NEWS_SEEDS_DIR ?? 'seeds');
      // One cache folder per seeds folder, in Vite's cache (node_modules/.vite): parsed files
      // survive between builds, so a rebuild after one edit re-parses one file.
      const folderKey = createHash('sha256').update(seedsDir).digest('hex').slice(0, 12);
      cacheDir = path.join(config.cacheDir, 'news-reader', `seeds-${folderKey}`);
      loader = createSeedLoader({ cacheDir });
    },
    buildStart() {
      if (config.command !== 'build') return;
      // Vite's own rule: empty outDir when asked to, or by default when it is inside the root.
      const relative = path.relative(config.root, outDir());
      const inside = relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
      if (!(emptyOutDir ?? inside) || !existsSync(outDir())) return;
      for (const name of readdirSync(outDir())) {
        if (name !== 'data' && name !== '.git')
          rmSync(path.join(outDir(), name), { recursive: true, force: true });
      }
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
          `export const index = ${JSON.stringify(newsIndex())};`,
          `export const devIndexUrl = ${JSON.stringify(dev)};`,
          '',
        ].join('\n');
      },
    },
    async writeBundle() {
      if (!plan) return;
      // The parse cache is written in the background meanwhile (see createSeedLoader's scan).
      await Promise.all([plan.write(), loader.saved()]);
      const files = `${plan.files.toLocaleString('en')} file${plan.files === 1 ? '' : 's'}`;
      config.logger.info(
        plan.kind === 'patch'
          ? `data/${plan.version}/: updated in place, ${files} rewritten`
          : `data/${plan.version}/: ${files} written`,
      );
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
                ? JSON.stringify(newsIndex())
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
