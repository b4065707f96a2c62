import { describe, expect, it } from 'vitest';
import { topOrderFiles } from '../../../../src/node/pipeline/emit/top-order.ts';
import { dataPath, type TopBucket, type TopBuckets } from '../../../../src/shared/data-folder.ts';
import { decodeKeyList } from '../../../../src/shared/ranks.ts';
import { makeArticle } from '../../../fixtures/articles.ts';

const filesOf = (qualities: readonly (number | undefined)[]) =>
  new Map(
    topOrderFiles(qualities.map((quality) => makeArticle(quality === undefined ? {} : { quality }))).map(
      ({ path, data }) => [path, data],
    ),
  );

describe('the top order', () => {
  it('buckets the keys by whole quality, highest first, an article without one last', () => {
    // Ranks 0 to 5, newest first: keys 5 to 0.
    const files = filesOf([10, undefined, 90, 10.5, 50, 10]);
    expect(files.get(dataPath.topBuckets) as TopBuckets).toEqual([
      { name: '90', count: 1 },
      { name: '50', count: 1 },
      { name: '10', count: 3 },
      { name: 'none', count: 1 },
    ]);
    const keys = (name: string) => decodeKeyList((files.get(dataPath.topBucket(name)) as TopBucket).keys);
    expect(keys('90')).toEqual([3]);
    // Ascending keys: read from the end, the newest first.
    expect(keys('10')).toEqual([0, 2, 5]);
    expect(keys('none')).toEqual([4]);
  });

  it('changes only the bucket of a newer article, and the list of buckets', () => {
    const before = filesOf([90, 50, 10]);
    const after = filesOf([50, 90, 50, 10]);
    expect(after.get(dataPath.topBucket('90'))).toEqual(before.get(dataPath.topBucket('90')));
    expect(after.get(dataPath.topBucket('10'))).toEqual(before.get(dataPath.topBucket('10')));
    expect(after.get(dataPath.topBucket('50'))).not.toEqual(before.get(dataPath.topBucket('50')));
  });
});
