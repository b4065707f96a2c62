import { readFileSync } from 'node:fs';
import { z } from 'zod';

/**
 * Hand labels of an archive's stories, in the format of `../shared/corpus/<name>/stories.json`: each
 * story's files; a file named with a leading `?` is an optional member, which may be grouped or
 * not. Every other file is a story of its own.
 */
export type LabelledStories = readonly (readonly string[])[];

const labelsSchema = z.object({
  stories: z.array(z.object({ event: z.string().optional(), files: z.array(z.string()).min(2) })),
});

/** Reads a labels file; a file that is not in the format throws an error that names it and says why. */
export function readStoryLabels(file: string): LabelledStories {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(
      `${file}: cannot be read as JSON (${error instanceof Error ? error.message : String(error)})`,
    );
  }
  const result = labelsSchema.safeParse(parsed);
  if (!result.success) {
    const [issue] = result.error.issues;
    throw new Error(
      `${file}: not a labels file (${issue?.path.join('.') || 'the top'}: ${issue?.message ?? 'invalid'}); expected { "stories": [{ "files": ["a.md", "b.md"] }] }`,
    );
  }
  return result.data.stories.map((story) => story.files);
}

/** A pair of files, named in a fixed order. */
export type Pair = readonly [string, string];

const pairKey = (a: string, b: string) => (a < b ? `${a}\n${b}` : `${b}\n${a}`);
const pairOf = (key: string) => key.split('\n') as unknown as Pair;

function pairsOf(group: readonly string[]): string[] {
  return group.flatMap((a, i) => group.slice(i + 1).map((b) => pairKey(a, b)));
}

export type StoryScores = {
  precision: number;
  recall: number;
  /** Pairs of required members of one labelled story that were not grouped. */
  missed: Pair[];
  /** Pairs grouped that no labelled story holds. */
  wrong: Pair[];
  /** How many pairs were grouped rightly, and how many the labels require. */
  right: number;
  required: number;
};

/**
 * Pairwise precision and recall of `found` stories (lists of files) against `labelled` ones. A pair
 * of required members of one labelled story must be found; a pair with an optional member may be
 * found or not, and counts neither way; any other pair found is wrong.
 */
export function pairScores(found: readonly (readonly string[])[], labelled: LabelledStories): StoryScores {
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
    missed: missed.map(pairOf),
    wrong: wrong.map(pairOf),
    right: right.length,
    required: required.size,
  };
}
