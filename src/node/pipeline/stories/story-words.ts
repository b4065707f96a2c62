import { nonAscii, searchTokens } from '../../../shared/search-words.ts';

/**
 * The words stories are matched by: lower case, accents removed, letters and digits only, without
 * the commonest English words and without numbers, each reduced by a light stemmer (Harman's
 * S-stemmer: plurals only, so "reefs" meets "reef" and "data" stays "data").
 */

/** The commonest English words, never a story's. */
export const stopWords: ReadonlySet<string> = new Set(
  (
    'a about after again against all also am an and any are as at be because been before being but by can ' +
    'could did do does doing down during each few for from further had has have having he her here hers ' +
    'him his how i if in into is it its itself just may me might more most my new no nor not now of off ' +
    'on once only or other our out over own same she should so some such than that the their them then ' +
    'there these they this those through to too under until up very was we were what when where which ' +
    'while who whom why will with would you your via vs s t says said get gets make makes now one two'
  ).split(' '),
);

/** Harman's S-stemmer. */
export function stem(word: string): string {
  if (word.length > 4 && word.endsWith('ies') && !/[ae]ies$/.test(word)) return `${word.slice(0, -3)}y`;
  if (word.length > 3 && word.endsWith('es') && !/[aeo]es$/.test(word)) return word.slice(0, -1);
  if (word.length > 3 && word.endsWith('s') && !/[us]s$/.test(word)) return word.slice(0, -1);
  return word;
}

/** The significant words of `text`, stemmed, each once. */
export function storyWords(text: string): Set<string> {
  const words = new Set<string>();
  // A token of ASCII text has a letter when it has one of a-z (0.25 s less than \p{L} for the
  // bench's 100,000 titles and excerpts).
  const letter = nonAscii.test(text) ? /\p{L}/u : /[a-z]/;
  // The search index's tokens (a possessive's "s" is a token of one letter, dropped here); a
  // token without a letter is a number, which says nothing of the event.
  for (const token of searchTokens(text)) {
    if (token.length > 1 && !stopWords.has(token) && letter.test(token)) words.add(stem(token));
  }
  return words;
}

/** A title as two outlets would print it: lower case, letters and digits only, single spaces. */
export const normalisedTitle = (title: string): string =>
  [...(title.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [])].join(' ');
