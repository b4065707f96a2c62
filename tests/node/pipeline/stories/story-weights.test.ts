import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  spanOf,
  weighing,
  wordIndex,
  type WordEntry,
} from '../../../../src/node/pipeline/stories/story-weights.ts';

const hour = 3600 * 1000;
// Words by number (see storyWords), and a number no entry has.
const vocabulary = [0, 1, 2, 3, 4, 5, 6];
const unknown = 99;
const outlets = ['wired', 'verge', 'cnn', 'bbc'];

const entry = fc.record({
  time: fc.integer({ min: 0, max: 90 * 24 }).map((hours) => hours * hour),
  outlet: fc.constantFrom(...outlets),
  words: fc.uniqueArray(fc.constantFrom(...vocabulary), { minLength: 1 }),
});

// An archive of a few months, and articles to weigh: mostly oldest first, as a run weighs them,
// sometimes back in time (an article older than the last).
const archiveAndArticles = fc.record({
  entries: fc.array(entry, { minLength: 1, maxLength: 300 }),
  articles: fc.array(
    fc.record({
      time: fc.integer({ min: -5 * 24, max: 95 * 24 }).map((hours) => hours * hour),
      outlet: fc.constantFrom(...outlets),
    }),
    { maxLength: 40 },
  ),
  backwards: fc.boolean(),
});

describe('weighing the words of a run', () => {
  it('gives every word the weight a binary search over its occurrences gives, in any order', () => {
    fc.assert(
      fc.property(archiveAndArticles, ({ entries, articles, backwards }) => {
        const sorted: WordEntry[] = [...entries].sort((a, b) => a.time - b.time);
        const index = wordIndex(() => sorted);
        const byTime = [...articles].sort((a, b) => a.time - b.time);
        const order = backwards ? [...byTime.slice(0, 20), ...byTime.slice(0, 20).reverse()] : byTime;
        const stepped = weighing(index);
        for (const { time, outlet } of order) {
          const span = spanOf(index, time);
          const weighOnce = weighing(index)(time, outlet, span);
          const weighStepped = stepped(time, outlet, span);
          for (const word of [...vocabulary, unknown]) expect(weighStepped(word)).toBe(weighOnce(word));
        }
      }),
      { numRuns: 300 },
    );
  });
});
