import path from 'node:path';
import { parseArgs } from 'node:util';
import { openArchive, readArchive } from '../pipeline/archive.ts';
import { openParseCache } from '../pipeline/parse-cache.ts';
import { storyListings } from '../pipeline/stories/story-report.ts';
import { pairScores, readStoryLabels, type Pair } from '../pipeline/stories/story-scores.ts';

const usage = 'usage: npm run check:stories -- DIR [LABELS] [--json]   (LABELS: DIR/stories.json)';

/**
 * `npm run check:stories -- DIR [LABELS]`: the stories the build finds in a folder, scored pair by
 * pair against hand labels (see story-scores.ts): precision, recall, then each pair missed and
 * each pair wrongly made, with the titles of both files. `--json`: the scores and pairs as one
 * JSON document. Exits 2 when the folder or the labels cannot be read, else 0: it is a report.
 */
async function main(argv: string[]): Promise<number> {
  let options: { values: { json?: boolean; help?: boolean }; positionals: string[] };
  try {
    options = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
    });
  } catch (error) {
    console.error(`check:stories: ${error instanceof Error ? error.message : String(error)}\n${usage}`);
    return 2;
  }
  const { values, positionals } = options;
  const [dir, labelsFile = dir && path.join(dir, 'stories.json')] = positionals;
  if (values.help || !dir || !labelsFile || positionals.length > 2) {
    console.error(usage);
    return 2;
  }
  try {
    const labels = readStoryLabels(labelsFile);
    const { corpus } = await readArchive(openArchive(dir, openParseCache()));
    const found = storyListings(corpus).map((story) => story.files);
    const scores = pairScores(found, labels);
    if (values.json) {
      console.log(JSON.stringify(scores, null, 2));
      return 0;
    }
    const titles = new Map(corpus.articles.map((article) => [corpus.files.get(article.id), article.title]));
    const line = ([a, b]: Pair) =>
      `  ${a}\n  ${b}\n    “${titles.get(a) ?? '?'}” / “${titles.get(b) ?? '?'}”`;
    const share = (value: number) => value.toFixed(3);
    console.log(
      [
        `check:stories: ${dir} against ${labelsFile}: ${corpus.summary.filesRead} files, ${labels.length} labelled stories, ${found.length} found`,
        `precision ${share(scores.precision)} (${scores.right} of ${scores.right + scores.wrong.length} pairs made are labelled), recall ${share(scores.recall)} (${scores.right} of ${scores.required} labelled pairs found)`,
        '',
        `missed pairs (${scores.missed.length}):`,
        ...scores.missed.map(line),
        '',
        `pairs wrongly made (${scores.wrong.length}):`,
        ...scores.wrong.map(line),
      ].join('\n'),
    );
    return 0;
  } catch (error) {
    console.error(`check:stories: ${error instanceof Error ? error.message : String(error)}`);
    return 2;
  }
}

process.exitCode = await main(process.argv.slice(2));
