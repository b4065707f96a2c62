import { describe, expect, it } from 'vitest';
import { urlFiles } from '../../../../src/node/pipeline/emit/url-files.ts';
import { dataPath } from '../../../../src/shared/data-folder.ts';
import { urlFileCount, urlFileOf, type UrlRanks } from '../../../../src/shared/url-lookup.ts';
import { makeArticle } from '../../../fixtures/articles.ts';

describe('the URL lookup', () => {
  it('finds every article’s rank by its source URL, in the file its URL names', () => {
    const articles = Array.from({ length: 600 }, (_, i) => makeArticle({ url: `https://example.com/${i}` }));
    const files = urlFiles(articles);
    expect(files).toHaveLength(urlFileCount(600));
    expect(urlFileCount(600)).toBe(3);
    articles.forEach(({ url }, rank) => {
      const file = files.find(({ path }) => path === dataPath.urlRanks(urlFileOf(url, 600)));
      expect((file?.data as UrlRanks)[url]).toBe(rank);
    });
    expect(files.reduce((sum, { data }) => sum + Object.keys(data as UrlRanks).length, 0)).toBe(600);
  });

  it('has one file even for an empty archive', () => {
    expect(urlFiles([])).toEqual([{ path: 'u/0.json', data: {} }]);
  });
});
