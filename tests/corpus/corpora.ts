import path from 'node:path';

/** The environment variable through which `npm run test:corpus` (tests/corpus/run.ts) names its folders. */
export const corporaVariable = 'NEWS_TEST_CORPORA';

/** The corpus folders this run was asked to check, as absolute paths. */
export function askedCorpora(): string[] {
  const value = process.env[corporaVariable];
  if (!value) throw new Error(`${corporaVariable} is not set: run these checks with npm run test:corpus`);
  return JSON.parse(value) as string[];
}

/** The asked folder named `name` (a shared corpus' own name, such as smartable-power-apps). */
export function corpusFolder(name: string): string {
  const folder = askedCorpora().find((dir) => path.basename(dir) === name);
  if (!folder) throw new Error(`the corpus ${name} was not among the folders asked for`);
  return folder;
}

/** The shared corpora with story labels (their own stories.json, or tests/corpus/labels/). */
export const labelledCorpora = ['smartable-power-apps', 'smartable-ai-2020-04', 'smartable-ai-2020-06-faces'];
