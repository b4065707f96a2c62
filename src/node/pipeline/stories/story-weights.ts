import { storyRules } from './story-rules.ts';

/**
 * Each word's weight in each article: the log of how rare the word is in the articles of the weeks
 * around it (`aroundHours`, widened to `aroundArticles` where the archive is sparse), leaving out
 * those of the article's own hours (`ownHours`). A word the archive uses all month ("facial
 * recognition" in an archive about it) weighs little or nothing; the name many outlets print on
 * one day (IBM, the day IBM quits) weighs as much as a rare word, however big its story. Only
 * articles near in time count: articles added weeks away change no weight (so a change can only
 * move the stories of its own weeks), and a small or topical archive weighs its words as a big
 * one does (docs/stories.md has the measurements).
 */

/** An article as the weights see it: when it was published, and its words. */
export type WordEntry = { time: number; words: ReadonlySet<string> };

/** Every article's time, and the times of the articles that have each word; each list sorted. */
export type WordIndex = { times: number[]; timesOfWord: Map<string, number[]> };

/** The span of time an article's words are weighed in: from, to (inclusive). */
export type Span = readonly [number, number];

const hour = 3600 * 1000;

export function wordIndex(entries: readonly WordEntry[]): WordIndex {
  const index: WordIndex = { times: [], timesOfWord: new Map() };
  for (const { time, words } of entries) {
    index.times.push(time);
    for (const word of words) {
      const list = index.timesOfWord.get(word);
      if (list) list.push(time);
      else index.timesOfWord.set(word, [time]);
    }
  }
  index.times.sort(byNumber);
  for (const list of index.timesOfWord.values()) list.sort(byNumber);
  return index;
}

/** `index` with the `removed` articles taken out and the `added` put in, in place. */
export function patchWordIndex(
  index: WordIndex,
  removed: readonly WordEntry[],
  added: readonly WordEntry[],
): void {
  for (const { time, words } of removed) {
    removeSorted(index.times, time);
    for (const word of words) {
      const list = index.timesOfWord.get(word) ?? [];
      removeSorted(list, time);
      if (list.length === 0) index.timesOfWord.delete(word);
    }
  }
  for (const { time, words } of added) {
    insertSorted(index.times, time);
    for (const word of words) {
      const list = index.timesOfWord.get(word);
      if (list) insertSorted(list, time);
      else index.timesOfWord.set(word, [time]);
    }
  }
}

/** The span of `aroundHours` each side of `time`, widened to the nearest `aroundArticles`. */
export function spanOf({ times }: WordIndex, time: number): Span {
  const around = storyRules.aroundHours * hour;
  const wanted = Math.min(storyRules.aroundArticles, times.length);
  const first = Math.max(
    0,
    Math.min(firstAtLeast(times, time) - Math.floor(wanted / 2), times.length - wanted),
  );
  return [
    Math.min(time - around, times[first] ?? time),
    Math.max(time + around, times[first + wanted - 1] ?? time),
  ];
}

/** The weight of a word in an article published at `time` (see the top of this file). */
export function weigher(index: WordIndex, time: number, [from, to]: Span): (word: string) => number {
  const own = storyRules.ownHours * hour;
  const articlesAround = countWithin(index.times, from, to);
  return (word) => {
    const list = index.timesOfWord.get(word) ?? [];
    const elsewhere = countWithin(list, from, to) - countWithin(list, time - own, time + own);
    return elsewhere > storyRules.commonShare * articlesAround
      ? 0
      : Math.log(articlesAround / (elsewhere + 1));
  };
}

/** How many of `sorted` lie in [from, to]. */
export const countWithin = (sorted: readonly number[], from: number, to: number) =>
  firstAtLeast(sorted, to + 1) - firstAtLeast(sorted, from);

/** The index of the first of `sorted` at least `value` (its length when none is). */
function firstAtLeast(sorted: readonly number[], value: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((sorted[middle] as number) < value) low = middle + 1;
    else high = middle;
  }
  return low;
}

function insertSorted(sorted: number[], value: number): void {
  sorted.splice(firstAtLeast(sorted, value), 0, value);
}

function removeSorted(sorted: number[], value: number): void {
  const at = firstAtLeast(sorted, value);
  if (sorted[at] === value) sorted.splice(at, 1);
}

const byNumber = (a: number, b: number) => a - b;
