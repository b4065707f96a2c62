import path from 'node:path';
import { readCorpus } from '../pipeline/build-news.ts';
import { openParseCache } from '../pipeline/parse-cache.ts';
import { progressLine, timingLine } from '../pipeline/progress.ts';
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
  const label = `${path.relative(process.cwd(), path.resolve(dir)) || '.'}/`;
  try {
    const { corpus, stats, ms } = await readCorpus(dir, openParseCache(), {
      onProgress: progressLine(label),
    });
    console.log(formatReport(corpus.issues, corpus.summary, label));
    console.error(timingLine(corpus.summary.filesRead, stats, ms));
    return corpus.summary.filesRejected > 0 ? 1 : 0;
  } catch (error) {
    console.error(`check:seeds: ${error instanceof Error ? error.message : String(error)}`);
    return 2;
  }
}

process.exitCode = await main(process.argv.slice(2));
