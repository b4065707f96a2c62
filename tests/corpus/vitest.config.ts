import path from 'node:path';
import { defineConfig } from 'vitest/config';

/** The checks on real archives, run by `npm run test:corpus` (tests/corpus/run.ts), never by `npm test`. */
export default defineConfig({
  test: {
    name: 'corpus',
    root: path.resolve(import.meta.dirname, '../..'),
    include: ['tests/corpus/**/*.test.ts'],
    environment: 'node',
    // Each file builds real archives with Vite on two cores shared with nothing else: time, never a target.
    testTimeout: 120_000,
    globalSetup: ['tests/global-setup.ts'],
    reporters: process.env.CI ? ['default', 'json'] : ['default'],
    outputFile: { json: 'test-results/corpus-report.json' },
  },
});
