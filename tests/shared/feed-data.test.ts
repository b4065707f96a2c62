import { describe, expect, it } from 'vitest';
import {
  deltaDecode,
  deltaEncode,
  isTopicSelected,
  searchShardKey,
  searchWords,
} from '../../src/shared/feed-data.ts';

describe('data helpers', () => {
  it('delta-encodes ascending ranks and back', () => {
    expect(deltaEncode([3, 5, 9, 10])).toEqual([3, 2, 4, 1]);
    expect([...deltaDecode([3, 2, 4, 1])]).toEqual([3, 5, 9, 10]);
    expect(deltaEncode([])).toEqual([]);
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
