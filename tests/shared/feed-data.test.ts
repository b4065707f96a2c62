import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  deltaEncode,
  encodeRankList,
  isTopicSelected,
  searchShardKey,
  searchWords,
  topicKey,
  typedInitial,
} from '../../src/shared/feed-data.ts';
import { flaggedRanks, rankListFlags } from '../../src/shared/ranks.ts';

describe('data helpers', () => {
  it('delta-encodes ascending ranks and back', () => {
    expect(deltaEncode([3, 5, 9, 10])).toEqual([3, 2, 4, 1]);
    expect([...flaggedRanks(rankListFlags(11, [[3, 2, 4, 1]]))]).toEqual([3, 5, 9, 10]);
    expect(deltaEncode([])).toEqual([]);
  });

  it('stores a rank list as deltas when sparse and as a bit set when dense, both read back alike', () => {
    const sparse = [5, 900, 50_000];
    const dense = Array.from({ length: 30_000 }, (_, i) => i * 3 + 1);
    const sparseList = encodeRankList(sparse, 100_000);
    const denseList = encodeRankList(dense, 100_000);
    expect(sparseList).toEqual([5, 895, 49_100]);
    expect(typeof denseList).toBe('string');
    expect((denseList as string).length).toBeLessThan(JSON.stringify(deltaEncode(dense)).length / 3);
    expect([...flaggedRanks(rankListFlags(100_000, [sparseList]))]).toEqual(sparse);
    expect([...flaggedRanks(rankListFlags(100_000, [denseList]))]).toEqual(dense);
    expect([...flaggedRanks(rankListFlags(100_000, [denseList, sparseList]))]).toEqual(
      [...dense, ...sparse].sort((a, b) => a - b),
    );
  });

  it('splits text into searchable words: lower case, no accents, no stop words, two letters or more', () => {
    expect(searchWords('The Café’s new AI-chip, in 5G phones & a Ω!')).toEqual([
      'cafe',
      'new',
      'ai',
      'chip',
      '5g',
      'phones',
    ]);
    expect(searchWords('Überraschung für Zürich')).toEqual(['uberraschung', 'fur', 'zurich']);
    expect(searchWords('東京 ニュース')).toEqual(['東京', 'ニュース']);
  });

  it('splits plain ASCII text as it splits the same words among accented ones', () => {
    const ascii = 'OpenAI ships GPT-5 to 3 regions; iOS_18 (beta) & Node.js v20: "Q4" earnings up 12%';
    expect(searchWords(ascii)).toEqual([
      'openai',
      'ships',
      'gpt',
      'regions',
      'ios',
      '18',
      'beta',
      'node',
      'js',
      'v20',
      'q4',
      'earnings',
      'up',
      '12',
    ]);
    // The accent takes the text off the ASCII path; the other words must come out the same.
    expect(searchWords(`${ascii} é`)).toEqual(searchWords(ascii));
  });

  it('tells the first letter of a word being typed, while it is the only one', () => {
    expect(typedInitial('r')).toBe('r');
    expect(typedInitial('robot V')).toBe('v');
    expect(typedInitial('Émile')).toBeUndefined();
    expect(typedInitial('É')).toBe('e');
    expect(typedInitial('chip m')).toBe('m');
    expect(typedInitial('chip ma')).toBeUndefined();
    expect(typedInitial('chip ')).toBeUndefined();
    expect(typedInitial('v.')).toBeUndefined();
    expect(typedInitial('𐌰')).toBe('𐌰');
    expect(typedInitial('')).toBeUndefined();
  });

  it('shards words by their first two characters, astral ones included', () => {
    expect(searchShardKey('robot')).toBe('72-6f');
    expect(searchShardKey('ro')).toBe('72-6f');
    expect(searchShardKey('😀x')).toBe('1f600-78');
  });

  it('matches chosen topics whatever their case', () => {
    expect(isTopicSelected(['Power Apps'], 'power apps')).toBe(true);
    expect(isTopicSelected(['Power Apps'], 'Portals')).toBe(false);
  });
});

describe('topicKey', () => {
  it('is the English lower case, for any text', () => {
    expect(topicKey('Machine Learning')).toBe('machine learning');
    expect(topicKey('İstanbul ΣΑΣ Straße')).toBe('İstanbul ΣΑΣ Straße'.toLocaleLowerCase('en'));
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), (text) => {
        expect(topicKey(text)).toBe(text.toLocaleLowerCase('en'));
      }),
      { numRuns: 2000 },
    );
  });
});
