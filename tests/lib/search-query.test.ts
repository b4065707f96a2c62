import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatSearchQuery, matchesQuery, parseSearchQuery } from '../../src/lib/search-query.ts';

const clauses = (text: string) => parseSearchQuery(text).clauses;
const one = (field: string, value: string, negated = false) => ({ negated, terms: [{ field, value }] });

describe('the search language', () => {
  it.each([
    ['robot vis', [one('words', 'robot'), one('words', 'vis')]],
    ['"exact phrase"', [one('phrase', 'exact phrase')]],
    ['-word', [one('words', 'word', true)]],
    ['-"some phrase"', [one('phrase', 'some phrase', true)]],
    ['topic:"Computer Vision"', [one('topic', 'Computer Vision')]],
    ['TOPIC:AI', [one('topic', 'AI')]],
    ['provider:venturebeat', [one('provider', 'venturebeat')]],
    ['type:video', [one('type', 'video')]],
    ['after:2021-03-01 before:2021-03-05', [one('after', '2021-03-01'), one('before', '2021-03-05')]],
    ['date:2021-03/2021-04', [one('date', '2021-03/2021-04')]],
    ['date:2021/', [one('date', '2021/')]],
    ['-topic:AI', [one('topic', 'AI', true)]],
    ['"unclosed phrase', [one('phrase', 'unclosed phrase')]],
    ['ab"c d"', [one('phrase', 'abc d')]],
    ['café Ünïcode 東京', [one('words', 'café'), one('words', 'Ünïcode'), one('words', '東京')]],
  ])('reads %s', (text, expected) => {
    expect(parseSearchQuery(text)).toEqual({ clauses: expected, hints: [] });
  });

  it('joins terms with OR, but not an exclusion', () => {
    expect(clauses('robot OR drone chip')).toEqual([
      {
        negated: false,
        terms: [
          { field: 'words', value: 'robot' },
          { field: 'words', value: 'drone' },
        ],
      },
      one('words', 'chip'),
    ]);
    expect(clauses('a1 OR type:video OR "bb cc"')[0]?.terms).toHaveLength(3);
    expect(clauses('robot OR -drone')).toEqual([one('words', 'robot'), one('words', 'drone', true)]);
    expect(clauses('OR robot OR')).toEqual([one('words', 'robot')]);
  });

  it('leaves out what it cannot read, with a hint, and applies the rest', () => {
    expect(parseSearchQuery('robot colour:red after:2021-13-01 date:soon topic: vision')).toEqual({
      clauses: [one('words', 'robot'), one('words', 'vision')],
      hints: [
        '“colour:” is not an operator (topic:, provider:, type:, after:, before:, date:)',
        '“2021-13-01” is not a date (2021, 2021-03 or 2021-03-04)',
        '“soon” is not a date (2021, 2021-03 or 2021-03-04)',
        '“topic:” needs a value',
      ],
    });
    expect(parseSearchQuery('date:2021-02-30').hints).toHaveLength(1);
    expect(parseSearchQuery('date:/').hints).toEqual(['“date:/” is not a date']);
  });

  it('ignores what has no word to search', () => {
    expect(clauses('- -- "" ... the of')).toEqual([]);
  });

  it('matches one article as the index would', () => {
    const article = {
      title: 'Robots learn to see',
      excerpt: 'A vision model from Acme',
      provider: { name: 'VentureBeat', domain: 'venturebeat.com' },
      topics: ['Computer Vision'],
      type: 'article',
      publishedAt: '2021-03-04T09:00:00.000Z',
    };
    const matches = (query: string) => matchesQuery(article, parseSearchQuery(query).clauses);
    const yes = ['robot vis', '"learn to see"', 'drone OR acme', '-drone', 'topic:"computer vision"'];
    yes.push('provider:venture', 'provider:venturebeat.com', 'type:article', 'after:2021-03-04');
    yes.push('before:2021-03-05', 'date:2021-03', 'date:2021-03-04/2021-03-04', 'date:/2021');
    for (const query of yes) expect(matches(query), query).toBe(true);
    const no = ['drone', '"to learn"', '-robot', 'topic:vision', 'provider:tube', 'type:video'];
    no.push('after:2021-03-05', 'before:2021-03-04', 'date:2021-02', 'date:2022/');
    for (const query of no) expect(matches(query), query).toBe(false);
  });

  it('reads 10 KB of junk without throwing', () => {
    const junk = Array.from({ length: 10_240 }, (_, i) => String.fromCharCode(32 + ((i * 7919) % 95))).join(
      '',
    );
    expect(() => parseSearchQuery(junk)).not.toThrow();
  });
});

describe('the search language, on any input', () => {
  /** Text made of the language's own pieces, so that operators, quotes and ORs meet often. */
  const pieces = fc.constantFrom(
    'robot',
    'OR',
    '-',
    '"',
    ' ',
    'topic:',
    'date:',
    'after:',
    'type:',
    'provider:',
    'colour:',
    '2021-03',
    '2021-03-04',
    '/',
    'Vision',
    'é',
    '東京',
    ':',
    '\t',
    'AT&T',
    '--',
  );
  const texts = fc.oneof(
    fc.string(),
    fc.string({ unit: 'binary' }),
    fc.array(pieces, { maxLength: 30 }).map((p) => p.join('')),
  );

  it('never throws', () => {
    fc.assert(fc.property(texts, (text) => void parseSearchQuery(text)));
  });

  it('gives the same clauses when a query is written back and read again', () => {
    fc.assert(
      fc.property(texts, (text) => {
        const parsed = parseSearchQuery(text);
        expect(parseSearchQuery(formatSearchQuery(parsed))).toEqual({ clauses: parsed.clauses, hints: [] });
      }),
    );
  });
});
