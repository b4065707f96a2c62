import { describe, expect, it } from 'vitest';
import { topOrderFiles } from '../../../../src/node/pipeline/emit/top-order.ts';
import { topOrderPageSize, type TopOrderPage } from '../../../../src/shared/data-folder.ts';
import { makeArticle } from '../../../fixtures/articles.ts';

describe('the top order', () => {
  it('ranks by quality, highest first, then newest first, an article without one last', () => {
    // Ranks 0 to 4, newest first.
    const qualities = [10, undefined, 90, 10, 50];
    const articles = qualities.map((quality) => makeArticle(quality === undefined ? {} : { quality }));
    // Ranks 2, 4, 0, 3, 1 as keys (4 - rank); no card: the cards are in the full feed's pages.
    expect(topOrderFiles(articles)).toEqual([{ path: 'top/0.json', data: { keys: [2, 0, 4, 1, 3] } }]);
  });

  it('splits into files of a thousand keys', () => {
    const articles = Array.from({ length: topOrderPageSize + 1 }, () => makeArticle());
    const files = topOrderFiles(articles);
    expect(files.map(({ path, data }) => [path, (data as TopOrderPage).keys.length])).toEqual([
      ['top/0.json', topOrderPageSize],
      ['top/1.json', 1],
    ]);
  });
});
