import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanTopics, isTopicSelected, topicKey } from '../../src/shared/topics.ts';

describe('cleanTopics', () => {
  it('trims, drops empty names and keeps the first spelling of repeats', () => {
    expect(cleanTopics(['  AI ', '', 'ai', 'Computer   Vision', 'Computer Vision', '   '])).toEqual([
      'AI',
      'Computer Vision',
    ]);
  });

  it('keeps numbers as names and skips other values', () => {
    expect(cleanTopics([2021, null, { name: 'x' }, ['y'], 'Power Apps'])).toEqual(['2021', 'Power Apps']);
  });
});

describe('isTopicSelected', () => {
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
