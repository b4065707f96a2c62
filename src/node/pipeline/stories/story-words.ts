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

/**
 * The significant words of `text`, stemmed, each once, in their order, each by its number in the
 * vocabulary (see storyWord): the stage's tables by word are arrays by number (with maps by the
 * word's string, the stage took 2.26 s against 1.92 s at 100,000 articles, from JSON).
 */
export function storyWords(text: string): readonly number[] {
  call += 1;
  const words: number[] = [];
  // The search index's tokens (a possessive's "s" is a token of one letter, dropped here).
  for (const token of searchTokens(text)) {
    const slot = slotOfToken(token);
    if (slot === undefined || slot.seen === call) continue;
    slot.seen = call;
    words.push(slot.id);
  }
  return words;
}

/**
 * A story word, and the last call of storyWords that met it: a repeat is known by its mark, where
 * looking through the words found so far took 0.14 s of the stage's 100,000 titles and excerpts.
 */
type WordSlot = { word: string; id: number; seen: number };
let call = 0;

/** Every story word, by its number: numbered in the order first seen (the vocabulary only grows). */
const slotsById: WordSlot[] = [];

/** The story word numbered `id` by storyWords. */
export const storyWord = (id: number): string => (slotsById[id] as WordSlot).word;

/**
 * Each token's slot, worked out at its first sight (a language's vocabulary: it only grows; tokens
 * that are no word, such as numbers, are not kept); tokens with the same stem share one. Testing
 * and stemming every token again took the bench's 100,000 titles and excerpts 1.1 s of the stage
 * (profiled); looked up, 0.65 s. A word's string is held by its slot alone: articles hold numbers.
 */
const tokenSlots = new Map<string, WordSlot>();
const wordSlots = new Map<string, WordSlot>();

/** A token's slot, or undefined when it is no story word. */
function slotOfToken(token: string): WordSlot | undefined {
  if (token.length < 2 || stopWords.has(token)) return undefined;
  const known = tokenSlots.get(token);
  if (known !== undefined) return known;
  // A token without a letter is a number, which says nothing of the event.
  if (!hasLetter(token)) return undefined;
  const word = stem(token);
  let slot = wordSlots.get(word);
  if (slot === undefined) {
    slot = { word, id: slotsById.length, seen: 0 };
    slotsById.push(slot);
    wordSlots.set(word, slot);
  }
  tokenSlots.set(token, slot);
  return slot;
}

/** Whether a token (lower case) has a letter of any script: a-z, asked first, are most. */
const hasLetter = (token: string) => /[a-z]/.test(token) || (nonAscii.test(token) && /\p{L}/u.test(token));

/** A title as two outlets would print it: lower case, letters and digits only, single spaces. */
export function normalisedTitle(title: string): string {
  const lower = title.toLowerCase();
  // In ASCII text the runs of letters and digits are those of a-z and 0-9: found without the
  // Unicode classes, the stage's titles took 0.1 s instead of 0.4 s at 100,000 articles.
  const runs = nonAscii.test(lower) ? lower.match(/[\p{L}\p{N}]+/gu) : lower.match(/[a-z0-9]+/g);
  return (runs ?? []).join(' ');
}
