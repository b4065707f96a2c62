import { storyRules } from './story-rules.ts';

/**
 * Each word's weight in each article: the log of how rare the word is in the articles of the weeks
 * around it (`aroundHours`, widened to `aroundArticles` where the archive is sparse), leaving out
 * one report per other outlet in the article's own hours (`ownHours`). A word the archive uses
 * all month ("facial recognition" in an archive about it) weighs little or nothing; the name many
 * outlets print on one day (IBM, the day IBM quits) weighs as much as a rare word, however big its
 * story; the words one outlet prints on many articles at once (a template) do not. Only articles
 * near in time count: articles added weeks away change no weight (so a change can only move the
 * stories of its own weeks), and a small or topical archive weighs its words as a big one does
 * (docs/stories.md has the measurements).
 */

/**
 * An article as the weights see it: when it was published, by which outlet, and its words (each
 * once), with the word its headline opens on under `openingKey` (see openingBurst).
 */
export type WordEntry = { time: number; outlet: string; words: readonly string[] };

/** Where the index keeps the headlines that open on `word`: a key that no word can be. */
export const openingKey = (word: string): string => `^${word}`;

/**
 * The articles that have a word: their times, sorted, and each one's outlet (by number), in arrays
 * of their exact size (growable arrays of 4 million occurrences each left 180 MB more behind the
 * story stage at 100,000 articles, see docs/growth.md).
 */
type Occurrences = { times: Float64Array; outlets: Int32Array };

/** Every article's time, sorted; each outlet's number; the articles that have each word. */
export type WordIndex = { times: number[]; outletIds: Map<string, number>; ofWord: Map<string, Occurrences> };

/** The span of time an article's words are weighed in: from, to (inclusive). */
export type Span = readonly [number, number];

const hour = 3600 * 1000;

/**
 * The index of the entries `entriesOf()` gives, in the order of their times: read twice, once to
 * count each word's occurrences, once to fill arrays of that size.
 */
export function wordIndex(entriesOf: () => Iterable<WordEntry>): WordIndex {
  const counts = new Map<string, number>();
  for (const { words } of entriesOf())
    for (const word of words) counts.set(word, (counts.get(word) ?? 0) + 1);
  const index: WordIndex = { times: [], outletIds: new Map(), ofWord: new Map() };
  // Each word's arrays with how far they are filled, found by one lookup of the word.
  const filling = new Map<string, Occurrences & { filled: number }>();
  for (const [word, count] of counts)
    filling.set(word, { times: new Float64Array(count), outlets: new Int32Array(count), filled: 0 });
  for (const { time, outlet, words } of entriesOf()) {
    index.times.push(time);
    const id = outletId(index, outlet);
    for (const word of words) {
      const occurrences = filling.get(word) as Occurrences & { filled: number };
      occurrences.times[occurrences.filled] = time;
      occurrences.outlets[occurrences.filled] = id;
      occurrences.filled += 1;
    }
  }
  for (const [word, { times, outlets }] of filling) index.ofWord.set(word, { times, outlets });
  return index;
}

/** `index` with the `removed` articles taken out and the `added` put in, in place. */
export function patchWordIndex(
  index: WordIndex,
  removed: readonly WordEntry[],
  added: readonly WordEntry[],
): void {
  for (const { time, outlet, words } of removed) {
    index.times.splice(firstAtLeast(index.times, time), 1);
    const id = outletId(index, outlet);
    for (const word of words) {
      const occurrences = index.ofWord.get(word);
      if (!occurrences) continue;
      let at = firstAtLeast(occurrences.times, time);
      while (occurrences.outlets[at] !== id && occurrences.times[at] === time) at += 1;
      if (occurrences.times.length === 1) index.ofWord.delete(word);
      else
        index.ofWord.set(word, {
          times: without(occurrences.times, at),
          outlets: without(occurrences.outlets, at),
        });
    }
  }
  for (const { time, outlet, words } of added) {
    index.times.splice(firstAtLeast(index.times, time), 0, time);
    const id = outletId(index, outlet);
    for (const word of words) {
      const occurrences = index.ofWord.get(word) ?? {
        times: new Float64Array(0),
        outlets: new Int32Array(0),
      };
      const at = firstAtLeast(occurrences.times, time);
      index.ofWord.set(word, {
        times: withAt(occurrences.times, at, time),
        outlets: withAt(occurrences.outlets, at, id),
      });
    }
  }
}

function outletId(index: WordIndex, outlet: string): number {
  let id = index.outletIds.get(outlet);
  if (id === undefined) {
    id = index.outletIds.size;
    index.outletIds.set(outlet, id);
  }
  return id;
}

/** A copy of `list` without its element at `at`. */
function without<T extends Float64Array | Int32Array>(list: T, at: number): T {
  const copy = new (list.constructor as new (length: number) => T)(list.length - 1);
  copy.set(list.subarray(0, at));
  copy.set(list.subarray(at + 1), at);
  return copy;
}

/** A copy of `list` with `value` put in at `at`. */
function withAt<T extends Float64Array | Int32Array>(list: T, at: number, value: number): T {
  const copy = new (list.constructor as new (length: number) => T)(list.length + 1);
  copy.set(list.subarray(0, at));
  copy[at] = value;
  copy.set(list.subarray(at), at + 1);
  return copy;
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

const none: Occurrences = { times: new Float64Array(0), outlets: new Int32Array(0) };

/** Where a word's occurrences stand for the article last weighed: see weighing. */
type Cursor = { from: number; to: number; ownFrom: number; ownTo: number };

/**
 * The weigher of each article of one run: the weight of a word in an article published at `time`
 * by `outlet`, weighed over `span` (see the top of this file). The articles of a run are weighed
 * oldest first, so where the span and the own hours start and end among a word's occurrences only
 * moves forward: found by binary search at the word's first use in the run, then stepped. The
 * four searches for every word of every article were 1.0 s of the stage at 100,000 articles;
 * stepped, the stage took 4.6-5.1 s against 5.3-5.8 s (three runs each, alternated). An article
 * older than the last, or a step too long, gets its places by binary search again.
 */
export function weighing(
  index: WordIndex,
): (time: number, outlet: string, span: Span) => (word: string) => number {
  const own = storyRules.ownHours * hour;
  const around = storyRules.aroundHours * hour;
  // Each word's occurrences and cursor, found by one lookup of the word, not two (with the word
  // index's single lookup below: the stage 2.75-2.84 s against 2.85-2.90 s, from JSON).
  const cursors = new Map<string, Cursor & { occurrences: Occurrences }>();
  return (time, outlet, [from, to]) => {
    const articlesAround = countWithin(index.times, from, to);
    const common = (elsewhere: number) => elsewhere > storyRules.commonShare * articlesAround;
    // A span widened beyond the weeks, whose weeks alone hold enough articles to say which words
    // are everyday: the articles further away (another year, another archive beside it) do not
    // make them rare.
    const widened = from < time - around || to > time + around;
    const inWeeks = widened ? countWithin(index.times, time - around, time + around) : 0;
    const weeksJudge = inWeeks >= storyRules.weeksArticles;
    const outletNumber = index.outletIds.get(outlet);
    return (word) => {
      let cursor = cursors.get(word);
      if (!cursor) {
        cursor = { occurrences: index.ofWord.get(word) ?? none, from: 0, to: 0, ownFrom: 0, ownTo: 0 };
        cursors.set(word, cursor);
      }
      const { times, outlets } = cursor.occurrences;
      cursor.from = firstAtLeastFrom(times, from, cursor.from);
      cursor.to = firstAtLeastFrom(times, to + 1, cursor.to);
      cursor.ownFrom = firstAtLeastFrom(times, time - own, cursor.ownFrom);
      cursor.ownTo = firstAtLeastFrom(times, time + own + 1, cursor.ownTo);
      const { ownFrom, ownTo } = cursor;
      const outsideOwn = cursor.to - cursor.from - (ownTo - ownFrom);
      // Common however many other outlets printed it in these hours (and most words are).
      if (common(outsideOwn)) return 0;
      // The other outlets that printed it in these hours, each counted at its first occurrence here
      // (counted in place: a set per word and article made 3 million sets at 100,000 articles).
      let otherOutlets = 0;
      for (let at = ownFrom; at < ownTo; at += 1) {
        const other = outlets[at] as number;
        if (other !== outletNumber && outlets.indexOf(other, ownFrom) === at) otherOutlets += 1;
      }
      // The article itself and one report per other outlet are left out; its own outlet's others count.
      const elsewhere = outsideOwn + (ownTo - ownFrom - 1) - otherOutlets;
      if (common(elsewhere)) return 0;
      if (weeksJudge) {
        const beyondWeeks = cursor.to - cursor.from - countWithin(times, time - around, time + around);
        if (elsewhere - beyondWeeks > storyRules.commonShare * inWeeks) return 0;
      }
      return Math.log(articlesAround / (elsewhere + 1));
    };
  };
}

/** An article's place in a burst of headlines that open on its headline's first word. */
export type Burst = { word: string; canLead: boolean };

/**
 * The burst of headlines that open on `word` around `time`, when they burst (see storyRules): as
 * many outlets as `burstOutlets` open one on it within `burstHours`, and `burstRatio` times as
 * many as its rate in the rest of the weeks around would give. A name every outlet leads with
 * every day (a giant of the archive's trade) never bursts; the day a company makes the news, its
 * name does. An article of `outlet` may lead the burst's story when another outlet's headline
 * opens on the word within `burstLeadHours`. Everything it reads lies in the article's weeks,
 * inside its span, so that a change outside the span moves no burst of it, as no weight.
 */
export function openingBurst(
  { ofWord, outletIds }: WordIndex,
  word: string,
  time: number,
  outlet: string,
): Burst | undefined {
  const { times, outlets } = ofWord.get(openingKey(word)) ?? none;
  const burstMs = storyRules.burstHours * hour;
  const aroundMs = storyRules.aroundHours * hour;
  const from = firstAtLeast(times, time - burstMs);
  const to = firstAtLeast(times, time + burstMs + 1);
  // Fewer headlines near than a burst needs outlets (most headlines): none, and no set made.
  if (to - from < storyRules.burstOutlets) return undefined;
  const outletsNear = new Set(outlets.subarray(from, to)).size;
  const usual = countWithin(times, time - aroundMs, time + aroundMs) - (to - from);
  const bursts =
    outletsNear >= storyRules.burstOutlets &&
    outletsNear >= (storyRules.burstRatio * usual * burstMs) / (aroundMs - burstMs);
  if (!bursts) return undefined;
  const leadMs = storyRules.burstLeadHours * hour;
  const own = outletIds.get(outlet);
  const near = outlets.subarray(firstAtLeast(times, time - leadMs), firstAtLeast(times, time + leadMs + 1));
  return { word, canLead: near.some((other) => other !== own) };
}

/**
 * firstAtLeast, found from `at` (where it was for a smaller or equal `value`) by stepping forward,
 * a few steps at most, else by binary search (a word's first use, or `value` before `at`).
 */
function firstAtLeastFrom(sorted: Float64Array, value: number, at: number): number {
  if (at > 0 && (sorted[at - 1] as number) >= value) return firstAtLeast(sorted, value);
  for (let next = at, steps = 0; steps < 8; next += 1, steps += 1)
    if (next === sorted.length || (sorted[next] as number) >= value) return next;
  return firstAtLeast(sorted, value);
}

/** How many of `sorted` lie in [from, to]. */
export const countWithin = (sorted: ArrayLike<number>, from: number, to: number) =>
  firstAtLeast(sorted, to + 1) - firstAtLeast(sorted, from);

/** The index of the first of `sorted` at least `value` (its length when none is). */
function firstAtLeast(sorted: ArrayLike<number>, value: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((sorted[middle] as number) < value) low = middle + 1;
    else high = middle;
  }
  return low;
}
