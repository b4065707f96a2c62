import { existsSync } from 'node:fs';
import path from 'node:path';
import { defineConfig, devices } from '@playwright/test';
import { chromiumLaunchOptions } from './chromium.ts';

const root = path.resolve(import.meta.dirname, '../..');
export const corpusDir = '../shared/corpus/smartable-power-apps';
const hasCorpus = existsSync(path.join(root, corpusDir));
/** The seed's own site, April 2020: stories told by several outlets. */
export const storiesCorpusDir = '../shared/corpus/smartable-ai-2020-04';
const hasStoriesCorpus = existsSync(path.join(root, storiesCorpusDir));

/** Each project tests a production build of one seeds folder, served by `vite preview`. */
function site(name: string, port: number, seedsDir: string, prepare = '') {
  const outDir = `.e2e/${name}`;
  return {
    command: `${prepare}npx vite build --outDir ${outDir} --emptyOutDir --logLevel warn && npx vite preview --outDir ${outDir} --port ${port} --strictPort`,
    cwd: root,
    url: `http://localhost:${port}/`,
    // Set even for the default folder, so a NEWS_SEEDS_DIR in the caller's shell cannot leak in.
    env: { NEWS_SEEDS_DIR: seedsDir, NEWS_STRICT: '' },
    reuseExistingServer: false,
    timeout: 120_000,
  };
}

/** The dev server on a scratch copy of the seeds, which the dev spec edits while the page is open. */
export const devSeedsDir = '.e2e/dev-seeds';
const devServer = {
  command: `rm -rf ${devSeedsDir} && mkdir -p ${devSeedsDir} && cp seeds/* ${devSeedsDir}/ && npx vite --port 4313 --strictPort`,
  cwd: root,
  url: 'http://localhost:4313/',
  env: { NEWS_SEEDS_DIR: devSeedsDir, NEWS_STRICT: '' },
  reuseExistingServer: false,
  timeout: 120_000,
};

/** A scratch copy of the AI archive, built into `offlineOutDir`: the offline spec edits and rebuilds it. */
export const offlineSeedsDir = '.e2e/offline-seeds';
export const offlineOutDir = '.e2e/offline';

/** 100,000 generated articles (bench/generate-corpus.ts), written afresh for every run. */
export const scaleSize = 100_000;
export const scaleCorpusDir = '.e2e/corpus-100000';
/** The same generator's first 1,000 articles, built (not served) to compare with the 100,000. */
export const smallScaleOutDir = '.e2e/scale-1000';
const smallScale = `npx tsx bench/generate-corpus.ts 1000 .e2e/corpus-1000 && NEWS_SEEDS_DIR=.e2e/corpus-1000 npx vite build --outDir ${smallScaleOutDir} --emptyOutDir --logLevel warn && `;

/** The adversarial seed set (tests/fixtures/hostile), written afresh for every run. */
export const hostileSeedsDir = '.e2e/hostile-seeds';

export default defineConfig({
  testDir: '.',
  outputDir: path.join(root, 'test-results/e2e'),
  fullyParallel: false,
  workers: 1,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  reporter: process.env.CI
    ? [['list'], ['json', { outputFile: path.join(root, 'test-results/e2e-report.json') }]]
    : 'list',
  use: {
    ...devices['Desktop Chrome'],
    viewport: { width: 1280, height: 800 },
    launchOptions: chromiumLaunchOptions,
    trace: 'retain-on-failure',
  },
  projects: [
    { name: 'seeds', testMatch: 'seeds.spec.ts', use: { baseURL: 'http://localhost:4311' } },
    ...(hasCorpus
      ? [{ name: 'corpus', testMatch: 'corpus.spec.ts', use: { baseURL: 'http://localhost:4312' } }]
      : []),
    ...(hasStoriesCorpus
      ? [{ name: 'stories', testMatch: 'stories.spec.ts', use: { baseURL: 'http://localhost:4316' } }]
      : []),
    ...(hasStoriesCorpus
      ? [{ name: 'offline', testMatch: 'offline.spec.ts', use: { baseURL: 'http://localhost:4317' } }]
      : []),
    { name: 'dev', testMatch: 'dev-server.spec.ts', use: { baseURL: 'http://localhost:4313' } },
    { name: 'hostile', testMatch: 'hostile.spec.ts', use: { baseURL: 'http://localhost:4314' } },
    { name: 'scale', testMatch: 'scale.spec.ts', use: { baseURL: 'http://localhost:4315' } },
  ],
  webServer: [
    devServer,
    site('hostile', 4314, hostileSeedsDir, `npx tsx tests/e2e/prepare-hostile.ts ${hostileSeedsDir} && `),
    site('seeds', 4311, 'seeds'),
    ...(hasCorpus ? [site('corpus', 4312, corpusDir)] : []),
    ...(hasStoriesCorpus ? [site('stories', 4316, storiesCorpusDir)] : []),
    ...(hasStoriesCorpus
      ? [
          site(
            'offline',
            4317,
            offlineSeedsDir,
            `rm -rf ${offlineSeedsDir} && mkdir -p ${offlineSeedsDir} && cp ${storiesCorpusDir}/* ${offlineSeedsDir}/ && `,
          ),
        ]
      : []),
    {
      ...site(
        'scale',
        4315,
        scaleCorpusDir,
        `${smallScale}npx tsx bench/generate-corpus.ts ${scaleSize} ${scaleCorpusDir} && `,
      ),
      // Writing 100,000 files and building them from cold takes minutes on two cores.
      timeout: 900_000,
    },
  ],
});
