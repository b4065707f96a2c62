import { defineConfig } from 'vitest/config';
import { readerPlugins } from './src/node/reader-plugins.ts';

export default defineConfig({
  plugins: readerPlugins(),
  build: {
    target: 'es2022',
    // Rolldown warns (PLUGIN_TIMINGS) whenever plugins take most of a build, as the news plugin's
    // pipeline does by design: eight lines of noise on every build; the plugin reports its stages.
    rolldownOptions: { checks: { bundlerTimings: false } },
  },
  // The app is one page. Left to itself, the dev server's dependency scan reads every HTML file
  // under the root, and a build's story pages there are thousands (the bench's: 4,006 files,
  // scanned in 1.8 s before the first page; in a full bench run, half a minute).
  optimizeDeps: { entries: ['index.html'] },
  server: {
    watch: {
      // Generated trees of hundreds of thousands of files (the bench's corpora and builds, the
      // end-to-end builds) would exhaust the system's file watchers. The seeds folder is watched
      // by the news plugin itself, wherever it is (see watch-files.ts).
      ignored: [/\/bench\/out\//, /\/\.e2e\//, /\/test-results\//, /\/dist\//],
    },
  },
  test: {
    // Two cores shared with builds and a browser: time enough for a slow run, never a target.
    testTimeout: 20_000,
    globalSetup: ['tests/global-setup.ts'],
    // CI also writes a JSON report, which .ci/run adds up into its closing "N passed, N failed" line.
    reporters: process.env.CI ? ['default', 'json'] : ['default'],
    outputFile: { json: 'test-results/unit-report.json' },
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          environment: 'node',
          include: ['tests/node/**/*.test.ts', 'tests/shared/**/*.test.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'dom',
          environment: 'jsdom',
          include: ['tests/{app,features,components,hooks,lib}/**/*.test.{ts,tsx}'],
          setupFiles: ['tests/setup-dom.ts'],
        },
      },
    ],
  },
});
