const stopWords = new Set(
  'a an and are as at be by for from has have in into is it its of on or that the this to was were will with'.split(
    ' ',
  ),
);

/**
 * The words of `text` as the search index stores them: lower case, accents removed, letters and
 * digits only, at least two characters, without the commonest English words.
 */
export function searchWords(text: string): string[] {
  return searchTokens(text).filter((word) => word.length >= 2 && !stopWords.has(word));
}

/** Every run of letters and digits in `text`, normalised as the index stores words, however short. */
export function searchTokens(text: string): string[] {
  // ASCII text (most of it) has no accents to remove and lowers the same in every locale.
  if (!nonAscii.test(text)) return text.toLowerCase().match(/[a-z0-9]+/g) ?? [];
  return (
    text
      .normalize('NFKD')
      .replace(/\p{M}+/gu, '')
      .toLocaleLowerCase('en')
      .match(/[\p{L}\p{N}]+/gu) ?? []
  );
}

/** A character outside ASCII: text without one has no accents, and lowers the same everywhere. */
export const nonAscii = /[\u0080-\uffff]/;

/**
 * The first character of the word being typed at the end of `text`, while it is the only one
 * typed: the next keystroke will need a shard of the words that start with it. Otherwise
 * undefined (no word, a finished word, or a longer one, whose shard the search itself fetches).
 */
export function typedInitial(text: string): string | undefined {
  if (!/[\p{L}\p{N}]\p{M}*$/u.test(text)) return undefined;
  const last = searchTokens(text).at(-1);
  return last !== undefined && /^.$/u.test(last) ? last : undefined;
}

/** The shard a word lives in: its first two characters, as hex code points. */
export function searchShardKey(word: string): string {
  const points: string[] = [];
  for (let i = 0; i < word.length && points.length < 2;) {
    const point = word.codePointAt(i) ?? 0;
    points.push(point.toString(16));
    i += point > 0xffff ? 2 : 1;
  }
  return points.join('-');
}
