import { describe, expect, it } from 'vitest';
import { corpusFolder, labelledCorpora } from './corpora.ts';
import { mixedFolders, storyScores } from './story-scores.ts';

describe('the labelled shared corpora mixed into one archive', () => {
  // Today's floor: a word's weight comes from the weeks around it, widened to 200 articles in a
  // sparse archive, so the mix (each folder is under 200 articles) finds nearly what each folder
  // finds alone: 123 of 171 pairs, against 119 alone; one wrong pair (two MarketWatch reports of
  // one morning, "How Will … Market Deal with the COVID-19 Crisis?"). Issue 22's targets are higher.
  it('finds their labelled stories: precision at least 123 of 124 pairs, recall at least 123 of 171', async () => {
    const { folder, labels } = mixedFolders(labelledCorpora.map(corpusFolder));
    const { precision, recall, required } = await storyScores(folder, labels);
    expect(required).toBe(171);
    expect(precision).toBeGreaterThanOrEqual(123 / 124);
    expect(recall).toBeGreaterThanOrEqual(123 / 171);
  });
});
