import { defineConfig } from '@playwright/test';
import {
  burstsCorpusDir,
  corpusDir,
  devSeedsDir,
  hostileSeedsDir,
  offlineSeedsDir,
  reporter,
  root,
  site,
  storiesCorpusDir,
  suiteConfig,
} from './servers.ts';

/**
 * The everyday browser suite, `npm run test:e2e`: the bundled seeds, the real archives of
 * ../shared/corpus, offline reading, the dev server and the adversarial seeds. The 100,000-article
 * suite has a configuration of its own (playwright.scale.config.ts).
 */
export default defineConfig({
  ...suiteConfig([
    { name: 'seeds', spec: 'seeds.spec.ts', server: site('seeds', 4311, 'seeds') },
    { name: 'corpus', spec: 'corpus.spec.ts', server: site('corpus', 4312, corpusDir), needs: corpusDir },
    {
      name: 'stories',
      spec: 'stories.spec.ts',
      server: site('stories', 4316, storiesCorpusDir, '', { siteUrl: true }),
      needs: storiesCorpusDir,
    },
    {
      name: 'bursts',
      spec: 'bursts.spec.ts',
      server: site('bursts', 4318, burstsCorpusDir),
      needs: burstsCorpusDir,
    },
    {
      name: 'offline',
      spec: 'offline.spec.ts',
      server: site(
        'offline',
        4317,
        offlineSeedsDir,
        `rm -rf ${offlineSeedsDir} && mkdir -p ${offlineSeedsDir} && cp ${storiesCorpusDir}/* ${offlineSeedsDir}/ && `,
      ),
      needs: storiesCorpusDir,
    },
    {
      name: 'dev',
      spec: 'dev-server.spec.ts',
      server: {
        command: `rm -rf ${devSeedsDir} && mkdir -p ${devSeedsDir} && cp seeds/* ${devSeedsDir}/ && npx vite --port 4313 --strictPort`,
        cwd: root,
        url: 'http://localhost:4313/',
        env: { NEWS_SEEDS_DIR: devSeedsDir, NEWS_STRICT: '' },
        reuseExistingServer: false,
        timeout: 120_000,
      },
    },
    {
      name: 'hostile',
      spec: 'hostile.spec.ts',
      server: site(
        'hostile',
        4314,
        hostileSeedsDir,
        `npx tsx tests/e2e/prepare-hostile.ts ${hostileSeedsDir} && `,
      ),
    },
  ]),
  reporter: reporter('e2e-report.json'),
});
