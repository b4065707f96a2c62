import { describe, expect, it } from 'vitest';
import { parseSearchQuery } from '../../../../src/lib/search-query.ts';
import { marksFile, readMarksFile } from '../../../../src/features/marks/utils/marks-file.ts';
import {
  mergeMarks,
  savedAsSummary,
  savedMatching,
  type Mark,
  type SavedArticle,
} from '../../../../src/features/marks/utils/reading-marks.ts';

const copy = (over: Partial<SavedArticle> = {}): SavedArticle => ({
  savedAt: 1_700_000_000_000,
  title: 'Robots learn to see',
  url: 'https://example.com/robots',
  publishedAt: '2021-03-04T07:00:00.000Z',
  type: 'article',
  excerpt: 'A vision model',
  provider: { name: 'Wire One' },
  topics: ['Computer Vision'],
  ...over,
});
const marks: Mark[] = [
  { url: 'https://example.com/robots', readAt: 1_700_000_000_001, saved: copy() },
  { url: 'https://example.com/read-only', readAt: 1_700_000_000_002 },
];
const file = (value: unknown) => JSON.stringify(value);

describe('the marks file', () => {
  it('gives back what it was given', () => {
    expect(readMarksFile(file(marksFile(marks)))).toEqual({ marks });
  });

  it.each([
    ['not JSON', '{"format":', 'not JSON'],
    ['another format', file({ format: 'opml', version: 1, marks: [] }), 'not an export'],
    ['a list at the top', file([marks]), 'not an export'],
    ['a later version', file({ ...marksFile([]), version: 2 }), 'not an export'],
    ['a script link', file(marksFile([{ url: 'javascript:alert(1)' }])), 'mark 1: url is not an http(s) URL'],
    ['a relative link', file(marksFile([{ url: '/robots' }])), 'url is not an http(s) URL'],
    [
      'a mark that is not an object',
      file(marksFile(['https://example.com/'] as never)),
      'mark 1 is not an object',
    ],
    [
      'a time that is not a time',
      file(marksFile([{ url: 'https://example.com/', readAt: 'yesterday' } as never])),
      'readAt is not a time',
    ],
    [
      'a copy of another URL',
      file(marksFile([{ url: 'https://example.com/a', saved: copy() }])),
      'the saved copy is of another URL',
    ],
    [
      'a title too long',
      file(marksFile([{ url: copy().url, saved: copy({ title: 'x'.repeat(5000) }) }])),
      'title is not text',
    ],
    [
      'a bad date',
      file(marksFile([{ url: copy().url, saved: copy({ publishedAt: 'soon' }) }])),
      'publishedAt is not a date',
    ],
    [
      'topics that are not a list',
      file(marksFile([{ url: copy().url, saved: { ...copy(), topics: 'AI' } } as never])),
      'topics is not a list',
    ],
  ])('refuses %s, and says why', (_, text, reason) => {
    const read = readMarksFile(text);
    expect(read).toHaveProperty('error');
    expect((read as { error: string }).error).toContain(reason);
  });

  it('refuses a file with one bad mark among good ones, whole', () => {
    const read = readMarksFile(file(marksFile([...marks, { url: 'data:text/html,hi' }])));
    expect(read).toEqual({ error: expect.stringContaining('mark 3') as string });
  });

  it('keeps a `__proto__` key inert and drops fields it does not know', () => {
    const text = `{"format":"news-reader-marks","version":1,"marks":[{"url":"https://example.com/","__proto__":{"polluted":true},"extra":1}]}`;
    expect(readMarksFile(text)).toEqual({ marks: [{ url: 'https://example.com/' }] });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('marks', () => {
  it('merges two marks of one URL: read when either is, saved when either is', () => {
    expect(mergeMarks({ url: 'u', readAt: 5 }, { url: 'u', saved: copy() })).toEqual({
      url: 'u',
      readAt: 5,
      saved: copy(),
    });
    expect(mergeMarks(undefined, { url: 'u', readAt: 7 })).toEqual({ url: 'u', readAt: 7 });
  });

  it('lists the saved articles a search and topics match, the last saved first', () => {
    const older = copy({
      url: 'https://example.com/chips',
      title: 'Chip news',
      excerpt: 'Semiconductors',
      topics: ['Hardware'],
      savedAt: 1,
    });
    const all = [...marks, { url: older.url, saved: older }];
    expect(savedMatching(all, { search: [], topics: [] }).map((saved) => saved.title)).toEqual([
      'Robots learn to see',
      'Chip news',
    ]);
    expect(
      savedMatching(all, { search: parseSearchQuery('vis').clauses, topics: [] }).map((saved) => saved.title),
    ).toEqual(['Robots learn to see']);
    expect(
      savedMatching(all, { search: parseSearchQuery('wire -robots').clauses, topics: ['hardware'] }).map(
        (saved) => saved.title,
      ),
    ).toEqual(['Chip news']);
    expect(savedAsSummary(older)).toMatchObject({ title: 'Chip news', relatedCount: 0, published: true });
  });
});
