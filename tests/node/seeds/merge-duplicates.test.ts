import { describe, expect, it } from 'vitest';
import { mergeDuplicates } from '../../../src/node/seeds/merge-duplicates.ts';
import { makeArticle } from '../../fixtures/articles.ts';

describe('mergeDuplicates', () => {
  const url = 'https://example.com/same';

  it('keeps the published one over an unpublished one, whatever the order', () => {
    const draft = { file: 'a.md', article: makeArticle({ url, published: false }) };
    const live = { file: 'b.md', article: makeArticle({ url, published: true }) };
    const { kept, issues } = mergeDuplicates([draft, live]);
    expect(kept).toEqual([live]);
    expect(issues).toEqual([
      expect.objectContaining({ severity: 'warning', file: 'a.md', message: expect.stringContaining('b.md was kept') }),
    ]);
  });

  it('keeps the file whose path sorts first among equals', () => {
    const later = { file: 'z.md', article: makeArticle({ url }) };
    const earlier = { file: 'm.md', article: makeArticle({ url }) };
    expect(mergeDuplicates([later, earlier]).kept).toEqual([earlier]);
  });

  it('leaves distinct articles alone', () => {
    const one = { file: 'a.md', article: makeArticle() };
    const two = { file: 'b.md', article: makeArticle() };
    expect(mergeDuplicates([two, one])).toEqual({ kept: [one, two], issues: [] });
  });
});
