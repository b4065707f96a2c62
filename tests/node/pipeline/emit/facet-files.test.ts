import { describe, expect, it } from 'vitest';
import { facetFiles } from '../../../../src/node/pipeline/emit/facet-files.ts';
import { dataPath, type DayKeys, type ProviderKeys } from '../../../../src/shared/data-folder.ts';
import { flaggedRanks, rankFlags, type KeyList } from '../../../../src/shared/ranks.ts';
import { makeArticle } from '../../../fixtures/articles.ts';

describe('what the search operators read', () => {
  // Newest first: ranks 0 to 3.
  const articles = [
    makeArticle({
      publishedAt: '2021-03-06T22:00:00.000Z',
      type: 'video',
      provider: { name: 'Tube', domain: 'tube.example' },
    }),
    makeArticle({ publishedAt: '2021-03-06T09:00:00.000Z' }),
    makeArticle({
      publishedAt: '2021-03-04T09:00:00.000Z',
      provider: undefined,
      url: 'https://www.wire.example/a',
    }),
    makeArticle({ publishedAt: '2021-02-20T09:00:00.000Z', provider: { name: 'tube' } }),
  ];
  const files = new Map(facetFiles(articles).map(({ path, data }) => [path, data]));
  const ranks = (list: KeyList) => [...flaggedRanks(rankFlags(4, [list]))];

  it('lists each type’s articles', () => {
    const types = files.get(dataPath.types) as Record<string, KeyList>;
    expect(Object.keys(types).sort()).toEqual(['article', 'video']);
    expect(ranks(types.article as KeyList)).toEqual([1, 2, 3]);
  });

  it('lists each outlet, told apart by name whatever its case, with its domain', () => {
    const providers = files.get(dataPath.providers) as ProviderKeys;
    // Oldest first, as the keys come: the outlet of the oldest article is listed first.
    expect(providers.map(({ name, domain, keys: list }) => [name, domain, ranks(list)])).toEqual([
      ['tube', 'tube.example', [0, 3]],
      ['wire.example', 'wire.example', [2]],
      ['Example News', 'example.com', [1]],
    ]);
  });

  it('gives the first key of each day, oldest first', () => {
    expect(files.get(dataPath.days) as DayKeys).toEqual([
      ['2021-02-20', 0],
      ['2021-03-04', 1],
      ['2021-03-06', 2],
    ]);
  });
});
