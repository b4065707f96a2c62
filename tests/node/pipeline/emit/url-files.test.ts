import { describe, expect, it } from 'vitest';
import { idFiles, urlFiles } from '../../../../src/node/pipeline/emit/url-files.ts';
import { dataPath, rankOfKey } from '../../../../src/shared/data-folder.ts';
import {
  idFileCount,
  idFileOf,
  urlFileCount,
  urlFileOf,
  type IdKeys,
  type UrlKeys,
} from '../../../../src/shared/url-lookup.ts';
import { makeArticle } from '../../../fixtures/articles.ts';

describe('the URL lookup', () => {
  it('finds every article’s key by its source URL, in the file its URL names', () => {
    const articles = Array.from({ length: 600 }, (_, i) => makeArticle({ url: `https://example.com/${i}` }));
    const files = urlFiles(articles);
    expect(files).toHaveLength(urlFileCount(600));
    articles.forEach(({ url }, rank) => {
      const file = files.find(({ path }) => path === dataPath.urlKeys(urlFileOf(url, 600)));
      expect((file?.data as UrlKeys)[url]).toBe(rankOfKey(rank, 600));
    });
    expect(files.reduce((sum, { data }) => sum + Object.keys(data as UrlKeys).length, 0)).toBe(600);
  });

  it('has as many files as a power of two, so that only a doubling archive moves its URLs', () => {
    expect([1, 256, 257, 512, 600, 1024, 100_000].map(urlFileCount)).toEqual([1, 1, 2, 2, 4, 4, 512]);
  });

  it('has one file even for an empty archive', () => {
    expect(urlFiles([])).toEqual([{ path: 'u/0.json', data: {} }]);
  });
});

describe('the id lookup', () => {
  it('finds every article’s key by its id, in the file its id names, files half as full as the URLs’', () => {
    const articles = Array.from({ length: 600 }, () => makeArticle());
    const files = idFiles(articles);
    expect(files).toHaveLength(idFileCount(600));
    expect(idFileCount(600)).toBe(8);
    articles.forEach(({ id }, rank) => {
      const file = files.find(({ path }) => path === dataPath.idKeys(idFileOf(id, 600)));
      expect((file?.data as IdKeys)[id]).toBe(rankOfKey(rank, 600));
    });
    expect(files.reduce((sum, { data }) => sum + Object.keys(data as IdKeys).length, 0)).toBe(600);
  });
});
