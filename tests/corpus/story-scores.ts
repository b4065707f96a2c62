import { cpSync, existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  pairScores,
  readStoryLabels,
  type LabelledStories,
} from '../../src/node/pipeline/stories/story-scores.ts';
import { loadSeeds } from '../fixtures/load-seeds.ts';

/**
 * The hand labels of a folder: its own `stories.json`, else the project's labels of a shared
 * corpus, `tests/corpus/labels/<name>.json` (the same format; `npm run check:stories` reads both).
 */
export function labelsOf(folder: string): LabelledStories {
  const own = path.join(folder, 'stories.json');
  const ours = path.join(import.meta.dirname, 'labels', `${path.basename(folder)}.json`);
  if (existsSync(own)) return readStoryLabels(own);
  if (existsSync(ours)) return readStoryLabels(ours);
  throw new Error(`no story labels for ${folder}: neither a stories.json nor ${ours}`);
}

/** The stories the build finds in `folder`, scored pair by pair against `labels` (the folder's own by default). */
export async function storyScores(folder: string, labels = labelsOf(folder)) {
  const corpus = await loadSeeds(folder);
  const found = corpus.stories.map((story) => story.ids.map((id) => corpus.files.get(id) ?? id));
  return pairScores(found, labels);
}

/**
 * Several labelled folders as one archive (each in a folder of its own name, in a temporary
 * folder), with their labels so prefixed: the stories of an article must not depend on which
 * unrelated articles sit beside it.
 */
export function mixedFolders(folders: readonly string[]): { folder: string; labels: LabelledStories } {
  const mixed = mkdtempSync(path.join(tmpdir(), 'news-mixed-'));
  const labels = folders.flatMap((folder) => {
    const name = path.basename(folder);
    cpSync(folder, path.join(mixed, name), { recursive: true });
    return labelsOf(folder).map((story) =>
      story.map((file) => (file.startsWith('?') ? `?${name}/${file.slice(1)}` : `${name}/${file}`)),
    );
  });
  return { folder: mixed, labels };
}
