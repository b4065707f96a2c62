import { describe, expect, it } from 'vitest';
import { searchShardKey, searchWords, typedInitial } from '../../src/shared/search-words.ts';

describe('search words', () => {
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
});
