import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { loadSeeds } from '../fixtures/load-seeds.ts';
import { storyLabels } from './story-labels.ts';

/** Labelled stories by file; a file named with a leading `?` is an optional member (see ../shared/corpus/README.md). */
export type LabelledStories = readonly (readonly string[])[];

/** The hand labels of a folder: its own `stories.json`, else the project's labels of a shared corpus by its name. */
export function labelsOf(folder: string): LabelledStories {
  const file = path.join(folder, 'stories.json');
  if (existsSync(file)) {
    const { stories } = JSON.parse(readFileSync(file, 'utf8')) as { stories: { files: string[] }[] };
    return stories.map((story) => story.files);
  }
  const labels = storyLabels[path.basename(folder)];
  if (!labels)
    throw new Error(`no story labels for ${folder}: neither a stories.json nor tests/corpus/story-labels.ts`);
  return labels;
}

const pairKey = (a: string, b: string) => [a, b].sort().join(' | ');

function pairsOf(group: readonly string[]): string[] {
  return group.flatMap((a, i) => group.slice(i + 1).map((b) => pairKey(a, b)));
}

/**
 * Pairwise precision and recall of `found` stories (lists of files) against `labelled` ones. A pair
 * of required members of one labelled story must be found; a pair with an optional member may be
 * found or not, and counts neither way; any other pair found is wrong.
 */
export function pairScores(found: readonly (readonly string[])[], labelled: LabelledStories) {
  const required = new Set(
    labelled.flatMap((story) => pairsOf(story.filter((file) => !file.startsWith('?')))),
  );
  const allowed = new Set(labelled.flatMap((story) => pairsOf(story.map((file) => file.replace(/^\?/, '')))));
  const guessed = new Set(found.flatMap(pairsOf));
  const right = [...guessed].filter((pair) => required.has(pair));
  const wrong = [...guessed].filter((pair) => !allowed.has(pair)).sort();
  const missed = [...required].filter((pair) => !guessed.has(pair)).sort();
  const made = right.length + wrong.length;
  return {
    precision: made === 0 ? 1 : right.length / made,
    recall: required.size === 0 ? 1 : right.length / required.size,
    missed,
    wrong,
  };
}

/** The stories the build finds in `folder`, scored pair by pair against the folder's hand labels. */
export async function storyScores(folder: string) {
  const corpus = await loadSeeds(folder);
  const found = corpus.stories.map((story) => story.ids.map((id) => corpus.files.get(id) ?? id));
  return pairScores(found, labelsOf(folder));
}
