import { defineConfig } from '@playwright/test';
import { reporter, scaleCorpusDir, scaleSize, site, smallScaleOutDir, suiteConfig } from './servers.ts';

const smallScale = `npx tsx bench/generate-corpus.ts 1000 .e2e/corpus-1000 && NEWS_SEEDS_DIR=.e2e/corpus-1000 npm run build -- --outDir ${smallScaleOutDir} --emptyOutDir --logLevel warn && `;

/**
 * The scale suite, `npm run test:e2e:scale` (run by .ci/run and at the end of `npm run bench`):
 * 100,000 generated articles, built from cold, beside the same generator's first 1,000.
 */
export default defineConfig({
  ...suiteConfig([
    {
      name: 'scale',
      spec: 'scale.spec.ts',
      server: {
        ...site(
          'scale',
          4315,
          scaleCorpusDir,
          `${smallScale}npx tsx bench/generate-corpus.ts ${scaleSize} ${scaleCorpusDir} && `,
        ),
        // Writing 100,000 files and building them from cold takes minutes on two cores.
        timeout: 900_000,
      },
    },
  ]),
  reporter: reporter('e2e-scale-report.json'),
});
