import { describe, expect, it } from 'vitest';
import { loadSeeds } from '../fixtures/load-seeds.ts';
import { corpusFolder } from './corpora.ts';
import { storyScores } from './story-scores.ts';

const folder = corpusFolder('smartable-ai-2020-06-faces');

describe('the facial-recognition month of June 2020, with hand-labelled stories', () => {
  it('keeps 70 articles of 71 files, merging the one duplicate', async () => {
    const { summary, issues } = await loadSeeds(folder);
    expect(summary).toEqual({ filesRead: 71, articlesKept: 70, filesRejected: 0, warnings: 1 });
    expect(issues[0]?.message).toMatch(
      /same source URL \(https:\/\/www\.freep\.com\/[^)]+\) as 2020-06-16-detroit-protesters/,
    );
  });

  // Today's floor (0.081 before the weights by weeks, 0.28 before bursts of headlines), held so
  // that nothing falls below it; issue 22's targets are 0.95 and 0.7.
  it('finds its stories without a wrong pair: precision 1.0, recall at least 0.73 (99 of 135 pairs)', async () => {
    const { precision, recall } = await storyScores(folder);
    expect(precision).toBe(1);
    expect(recall).toBeGreaterThanOrEqual(99 / 135);
  });
});
