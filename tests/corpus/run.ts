import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { listSeedFiles } from '../../src/node/seeds/list-files.ts';
import { corporaVariable, labelledCorpora } from './corpora.ts';

/** The shared corpora every checkout is checked against when no folder is named. */
const sharedCorpora = ['smartable-power-apps', 'smartable-ai-2020-04', 'smartable-ai-2020-06-faces'].map(
  (name) => `../shared/corpus/${name}`,
);
const usage =
  'usage: npm run test:corpus -- [FOLDER ...]   (default: the three folders of ../shared/corpus/)';

/**
 * `npm run test:corpus -- [FOLDER ...]`: the checks on real archives. Every folder gets the checks
 * any archive must pass (tests/corpus/every-archive.test.ts); a shared corpus also gets its own
 * (tests/corpus/<name>.test.ts), which know its counts and hand labels. A folder that cannot be
 * read fails the run before any test: these checks fail, never skip.
 */
async function main(args: string[]): Promise<number> {
  if (args.some((arg) => arg.startsWith('-'))) {
    console.error(usage);
    return 2;
  }
  const folders = args.length > 0 ? args : sharedCorpora;
  let missing = 0;
  for (const folder of folders) {
    try {
      const { files } = await listSeedFiles(folder);
      console.log(`test:corpus: ${folder} (${files.length} files)`);
    } catch (error) {
      console.error(`test:corpus: ${error instanceof Error ? error.message : String(error)}`);
      missing += 1;
    }
  }
  if (missing > 0) {
    console.error(`test:corpus: ${missing} of ${folders.length} folders cannot be read; nothing was checked`);
    return 1;
  }
  const names = folders.map((folder) => path.basename(path.resolve(folder)));
  const testFiles = [
    'tests/corpus/every-archive.test.ts',
    ...names.map((name) => `tests/corpus/${name}.test.ts`).filter((file) => existsSync(file)),
    // The labelled corpora mixed into one archive, when all of them are checked.
    ...(labelledCorpora.every((name) => names.includes(name)) ? ['tests/corpus/shared-mixed.test.ts'] : []),
  ];
  const result = spawnSync(
    'node_modules/.bin/vitest',
    ['run', '--config', 'tests/corpus/vitest.config.ts', ...new Set(testFiles)],
    {
      stdio: 'inherit',
      env: {
        ...process.env,
        [corporaVariable]: JSON.stringify(folders.map((folder) => path.resolve(folder))),
      },
    },
  );
  return result.status ?? 1;
}

process.exitCode = await main(process.argv.slice(2));
