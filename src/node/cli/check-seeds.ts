import path from 'node:path';
import { parseArgs } from 'node:util';
import { openArchive, readArchive } from '../pipeline/archive.ts';
import { openParseCache } from '../pipeline/parse-cache.ts';
import { progressLine, timingLine } from '../pipeline/progress.ts';
import { formatCorpusReport, formatStories, storyListings } from '../pipeline/stories/story-report.ts';

const usage = 'usage: npm run check:seeds -- [DIR] [--stories [--json]]   (DIR: NEWS_SEEDS_DIR, then seeds/)';

/**
 * `npm run check:seeds -- DIR`: validates a seeds folder with the same code as the build and
 * prints the same report. `--stories` lists every story of more than one article first, for an
 * editor to review; with `--json`, stdout is only that list, as one JSON document. Exits 1 when
 * any file is rejected, 2 when the folder cannot be read or the arguments are wrong.
 */
async function main(argv: string[]): Promise<number> {
  let options: { values: { stories?: boolean; json?: boolean; help?: boolean }; positionals: string[] };
  try {
    options = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        stories: { type: 'boolean' },
        json: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    console.error(`check:seeds: ${error instanceof Error ? error.message : String(error)}\n${usage}`);
    return 2;
  }
  const { values, positionals } = options;
  if (values.help || positionals.length > 1 || (values.json && !values.stories)) {
    console.error(usage);
    return 2;
  }
  const dir = positionals[0] ?? process.env.NEWS_SEEDS_DIR ?? 'seeds';
  const label = `${path.relative(process.cwd(), path.resolve(dir)) || '.'}/`;
  try {
    const { corpus, stats, ms } = await readArchive(openArchive(dir, openParseCache()), undefined, {
      onProgress: progressLine(label),
    });
    const report = formatCorpusReport(corpus, label);
    if (values.json) {
      const stories = storyListings(corpus).map(({ files, reason }) => ({ files, reason }));
      console.log(JSON.stringify({ stories }, null, 2));
      console.error(report);
    } else {
      if (values.stories) console.log(`${formatStories(corpus, label)}\n`);
      console.log(report);
    }
    console.error(timingLine(corpus.summary.filesRead, stats, ms));
    return corpus.summary.filesRejected > 0 ? 1 : 0;
  } catch (error) {
    console.error(`check:seeds: ${error instanceof Error ? error.message : String(error)}`);
    return 2;
  }
}

process.exitCode = await main(process.argv.slice(2));
