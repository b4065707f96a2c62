import { existsSync } from 'node:fs';
import path from 'node:path';
import { devices, type PlaywrightTestConfig } from '@playwright/test';
import { chromiumLaunchOptions } from './chromium.ts';

/**
 * What the two browser suites share: where their seeds and builds live, the servers that build and
 * serve them, and the browser. playwright.config.ts is the everyday suite, playwright.scale.config.ts
 * the 100,000-article one; each starts only the servers of the projects that run.
 */
export const root = path.resolve(import.meta.dirname, '../..');

export const corpusDir = '../shared/corpus/smartable-power-apps';
/** The seed's own site, April 2020: stories told by several outlets. */
export const storiesCorpusDir = '../shared/corpus/smartable-ai-2020-04';
/** June 2020's facial-recognition month: stories told in bursts of headlines on one name. */
export const burstsCorpusDir = '../shared/corpus/smartable-ai-2020-06-faces';

/** The dev server on a scratch copy of the seeds, which the dev spec edits while the page is open. */
export const devSeedsDir = '.e2e/dev-seeds';
/** A scratch copy of the AI archive, built into `offlineOutDir`: the offline spec edits and rebuilds it. */
export const offlineSeedsDir = '.e2e/offline-seeds';
export const offlineOutDir = '.e2e/offline';
/** The adversarial seed set (tests/fixtures/hostile), written afresh for every run. */
export const hostileSeedsDir = '.e2e/hostile-seeds';

/** 100,000 generated articles (bench/generate-corpus.ts), written afresh for every run. */
export const scaleSize = 100_000;
export const scaleCorpusDir = '.e2e/corpus-100000';
/** The same generator's first 1,000 articles, built (not served) to compare with the 100,000. */
export const smallScaleOutDir = '.e2e/scale-1000';

type Server = NonNullable<Exclude<PlaywrightTestConfig['webServer'], unknown[]>>;

/** A production build of one seeds folder, served by `vite preview`. */
export function site(
  name: string,
  port: number,
  seedsDir: string,
  prepare = '',
  { siteUrl = false }: { siteUrl?: boolean } = {},
): Server {
  const outDir = `.e2e/${name}`;
  return {
    command: `${prepare}npm run build -- --outDir ${outDir} --emptyOutDir --logLevel warn && npx vite preview --outDir ${outDir} --port ${port} --strictPort`,
    cwd: root,
    url: `http://localhost:${port}/`,
    // Set even for the default folder, so a NEWS_SEEDS_DIR in the caller's shell cannot leak in.
    // NEWS_SITE_URL only where asked (the story pages' absolute addresses): never from the shell.
    env: {
      NEWS_SEEDS_DIR: seedsDir,
      NEWS_STRICT: '',
      NEWS_SITE_URL: siteUrl ? `http://localhost:${port}/` : '',
    },
    reuseExistingServer: false,
    timeout: 120_000,
  };
}

/** A project of a suite: its spec, its server, and the folders beside the project it reads. */
export type Suite = { name: string; spec: string; server: Server; needs?: string };

/** The names after `--project` on the command line (both `--project x` and `--project=x`); none means all. */
function projectsAsked(argv: readonly string[]): string[] {
  return argv.flatMap((arg, i) =>
    arg === '--project' ? [argv[i + 1] ?? ''] : arg.startsWith('--project=') ? [arg.slice(10)] : [],
  );
}

/**
 * The configuration of a browser suite. Only the servers of the projects asked for are started; a
 * project whose corpus is missing fails the run with the folder's name, never skips.
 */
export function suiteConfig(suites: readonly Suite[]): PlaywrightTestConfig {
  const asked = projectsAsked(process.argv);
  const running = asked.length === 0 ? suites : suites.filter(({ name }) => asked.includes(name));
  const missing = running.filter(({ needs }) => needs !== undefined && !existsSync(path.join(root, needs)));
  if (missing.length > 0) {
    throw new Error(
      missing
        .map(
          ({ name, needs }) => `the ${name} project needs ${needs} beside the project, and it cannot be read`,
        )
        .join('; ') + '. Put ../shared/corpus beside the project, or choose other projects with --project.',
    );
  }
  return {
    testDir: '.',
    outputDir: path.join(root, 'test-results/e2e'),
    fullyParallel: false,
    workers: 1,
    forbidOnly: Boolean(process.env.CI),
    retries: 0,
    use: {
      ...devices['Desktop Chrome'],
      viewport: { width: 1280, height: 800 },
      launchOptions: chromiumLaunchOptions,
      trace: 'retain-on-failure',
    },
    projects: suites.map(({ name, spec, server }) => ({
      name,
      testMatch: spec,
      use: { baseURL: server.url },
    })),
    webServer: running.map(({ server }) => server),
  };
}

/** The list reporter, and in CI a JSON report that .ci/run adds up into its closing line. */
export function reporter(report: string): PlaywrightTestConfig['reporter'] {
  return process.env.CI
    ? [['list'], ['json', { outputFile: path.join(root, 'test-results', report) }]]
    : 'list';
}
