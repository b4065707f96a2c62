import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  normalisedTitle,
  stem,
  stopWords,
  storyWord,
  storyWords as storyWordNumbers,
} from '../../../../src/node/pipeline/stories/story-words.ts';
import { searchTokens } from '../../../../src/shared/search-words.ts';

/** The words of `text`, as storyWords numbers them. */
const storyWords = (text: string) => storyWordNumbers(text).map(storyWord);

describe('the words stories are matched by', () => {
  it('are the significant words of a text, stemmed, each once, without numbers', () => {
    expect([...storyWords('IBM quits facial recognition; IBM’s 2 CEOs say 2020 was the year of 5G')]).toEqual(
      ['ibm', 'quit', 'facial', 'recognition', 'ceo', 'say', 'year', '5g'],
    );
    expect([...storyWords('Überraschung: Zürichs Polizei, ٣٤ Kameras')]).toEqual([
      'uberraschung',
      'zurich',
      'polizei',
      'kamera',
    ]);
  });

  it('keep a token when it has a letter, as the letter class of every script says', () => {
    // The plain rule: \p{L} for every token, and a set (storyWords asks a-z first, remembers each
    // token's word, and knows a repeat by its word's mark, which "reef" and "reefs" share).
    const plain = (text: string) => [
      ...new Set(
        searchTokens(text)
          .filter((token) => token.length > 1 && !stopWords.has(token) && /\p{L}/u.test(token))
          .map(stem),
      ),
    ];
    const texts = fc.oneof(
      fc.string(),
      fc.string({ unit: 'binary' }),
      fc
        .array(
          fc.constantFrom('ibm', 'reef', 'reefs', '5g', '2020', 'x1', 'é', '٣٤', 'the', 'Zürich', ' ', '-'),
          {
            maxLength: 12,
          },
        )
        .map((parts) => parts.join(' ')),
    );
    fc.assert(
      fc.property(texts, (text) => {
        expect(storyWords(text)).toEqual(plain(text));
      }),
    );
  });

  it('normalise a title as two outlets would print it', () => {
    expect(normalisedTitle('IBM  Quits: Facial-Recognition!')).toBe('ibm quits facial recognition');
    // The plain rule: the runs of letters and digits of every script (normalisedTitle asks a-z and
    // 0-9 of ASCII text, which is faster).
    const plain = (title: string) => (title.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).join(' ');
    const titles = fc.oneof(
      fc.string(),
      fc.string({ unit: 'binary' }),
      fc
        .array(fc.constantFrom('IBM', 'Ünï', '\u212a', 'x1', '٣٤', ':', ' ', '-'), { maxLength: 10 })
        .map((parts) => parts.join('')),
    );
    fc.assert(
      fc.property(titles, (title) => {
        expect(normalisedTitle(title)).toBe(plain(title));
      }),
    );
  });
});
