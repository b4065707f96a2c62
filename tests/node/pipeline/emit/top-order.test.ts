import { describe, expect, it } from 'vitest';
import { topOrderFiles } from '../../../../src/node/pipeline/emit/top-order.ts';
import { topOrderPageSize, type TopOrderPage } from '../../../../src/shared/data-folder.ts';
import { makeArticle, summaryOf } from '../../../fixtures/articles.ts';

describe('the top order', () => {
  it('ranks by quality, highest first, then newest first, an article without one last', () => {
    // Ranks 0 to 4, newest first.
    const qualities = [10, undefined, 90, 10, 50];
    const articles = qualities.map((quality) => makeArticle(quality === undefined ? {} : { quality }));
    const summaries = articles.map((article, rank) => summaryOf(article, rank));
    // The first file also holds the first screen's cards (here two to a screen).
    expect(topOrderFiles(articles, summaries, 2)).toEqual([
      { path: 'top/0.json', data: { ranks: [2, 4, 0, 3, 1], articles: [summaries[2], summaries[4]] } },
    ]);
  });

  it('splits into files of a thousand ranks', () => {
    const articles = Array.from({ length: topOrderPageSize + 1 }, () => makeArticle());
    const files = topOrderFiles(articles, articles.map(summaryOf), 12);
    expect(files.map(({ path, data }) => [path, (data as TopOrderPage).ranks.length])).toEqual([
      ['top/0.json', topOrderPageSize],
      ['top/1.json', 1],
    ]);
  });
});
