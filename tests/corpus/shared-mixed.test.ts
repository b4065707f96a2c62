import { describe, expect, it } from 'vitest';
import { corpusFolder, labelledCorpora } from './corpora.ts';
import { mixedFolders, storyScores } from './story-scores.ts';

describe('the labelled shared corpora mixed into one archive', () => {
  // Today's floor: the words' weights come from the archive, so the mix finds other stories than
  // each folder alone (recall 32 of 171 pairs alone, 55 mixed; one wrong pair). Issue 22 asks
  // for stories that do not depend on their neighbours.
  it('finds their labelled stories: precision at least 55 of 56 pairs, recall at least 55 of 171', async () => {
    const { folder, labels } = mixedFolders(labelledCorpora.map(corpusFolder));
    const { precision, recall, required } = await storyScores(folder, labels);
    expect(required).toBe(171);
    expect(precision).toBeGreaterThanOrEqual(55 / 56);
    expect(recall).toBeGreaterThanOrEqual(55 / 171);
  });
});
