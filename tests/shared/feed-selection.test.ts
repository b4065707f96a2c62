import { describe, expect, it } from 'vitest';
import {
  countTopics,
  countUnpublished,
  filterByTopics,
  visibleArticles,
} from '../../src/shared/feed-selection.ts';
import { makeArticle } from '../fixtures/articles.ts';

const ai = makeArticle({ topics: ['AI', 'Computer Vision'] });
const apps = makeArticle({ topics: ['Power Apps'] });
const draft = makeArticle({ topics: ['ai', 'Portals'], published: false });
const all = [ai, apps, draft];

describe('feed selection', () => {
  it('hides unpublished articles unless asked', () => {
    expect(visibleArticles(all, false)).toEqual([ai, apps]);
    expect(visibleArticles(all, true)).toEqual(all);
    expect(countUnpublished(all)).toBe(1);
  });

  it('matches an article carrying any chosen topic, ignoring case', () => {
    expect(filterByTopics(all, ['computer vision', 'Power Apps'])).toEqual([ai, apps]);
    expect(filterByTopics(all, ['AI'])).toEqual([ai, draft]);
    expect(filterByTopics(all, [])).toEqual(all);
  });

  it('counts topics most common first, merging case variants under the first spelling', () => {
    expect(countTopics(all)).toEqual([
      { name: 'AI', count: 2 },
      { name: 'Computer Vision', count: 1 },
      { name: 'Portals', count: 1 },
      { name: 'Power Apps', count: 1 },
    ]);
  });

  it('lists a chosen topic that no article carries, with a count of 0', () => {
    expect(countTopics([apps], ['Gone'])).toEqual([
      { name: 'Power Apps', count: 1 },
      { name: 'Gone', count: 0 },
    ]);
  });
});
