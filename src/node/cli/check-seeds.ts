import path from 'node:path';
import { createSeedLoader } from '../seeds/load-seeds.ts';
import { formatReport } from '../seeds/report.ts';

/**
 * `npm run check:seeds -- DIR`: validates a seeds folder with the same code as the build and
 * prints the same report. Exits 1 when any file is rejected, 2 when the folder cannot be read.
 */
async function main(argv: readonly string[]): Promise<number> {
  const dir = argv[0] ?? process.env.NEWS_SEEDS_DIR ?? 'seeds';
  if (argv.length > 1 || dir === '--help' || dir === '-h') {
    console.error('usage: npm run check:seeds -- [DIR]   (default: NEWS_SEEDS_DIR, then seeds/)');
    return 2;
  }
  try {
    const result = await createSeedLoader().load(dir);
    const label = `${path.relative(process.cwd(), path.resolve(dir)) || '.'}/`;
    console.log(formatReport(result.issues, result.summary, label));
    return result.summary.filesRejected > 0 ? 1 : 0;
  } catch (error) {
    console.error(`check:seeds: ${error instanceof Error ? error.message : String(error)}`);
    return 2;
  }
}

process.exitCode = await main(process.argv.slice(2));
