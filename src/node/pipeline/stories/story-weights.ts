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
 * An article as the weights see it: when it was published, by which outlet, its words (each once,
 * by number: see storyWords) and the word its headline opens on (see openingBurst).
 */
export type WordEntry = { time: number; outlet: string; words: readonly number[]; opening?: number };

/**
 * The articles that have a word: their times, sorted, and each one's outlet (by number), in arrays
 * of their exact size (growable arrays of 4 million occurrences each left 180 MB more behind the
 * story stage at 100,000 articles, see docs/growth.md).
 */
type Occurrences = { times: Float64Array; outlets: Int32Array };

/**
 * Every article's time, sorted; each outlet's number; the articles that have each word, and those
 * whose headline opens on it, by the word's number (`none` for a word of no article).
 */
export type WordIndex = {
  times: number[];
  outletIds: Map<string, number>;
  ofWord: Occurrences[];
  ofOpening: Occurrences[];
};

/** The span of time an article's words are weighed in: from, to (inclusive). */
export type Span = readonly [number, number];

const hour = 3600 * 1000;

/**
 * The index of the entries `entriesOf()` gives, in the order of their times: read twice, once to
 * count each word's occurrences, once to fill arrays of that size.
 */
export function wordIndex(entriesOf: () => Iterable<WordEntry>): WordIndex {
  const wordCounts: number[] = [];
  const openingCounts: number[] = [];
  for (const { words, opening } of entriesOf()) {
    for (const word of words) countOne(wordCounts, word);
    if (opening !== undefined) countOne(openingCounts, opening);
  }
  const index: WordIndex = {
    times: [],
    outletIds: new Map(),
    ofWord: wordCounts.map(sized),
    ofOpening: openingCounts.map(sized),
  };
  // How far each word's arrays are filled.
  const wordFilled = new Int32Array(wordCounts.length);
  const openingFilled = new Int32Array(openingCounts.length);
  for (const { time, outlet, words, opening } of entriesOf()) {
    index.times.push(time);
    const id = outletId(index, outlet);
    for (const word of words) fillOne(index.ofWord[word] as Occurrences, wordFilled, word, time, id);
    if (opening !== undefined)
      fillOne(index.ofOpening[opening] as Occurrences, openingFilled, opening, time, id);
  }
  return index;
}

/** One more occurrence of `word` in `counts` (by the word's number, grown as numbers come). */
function countOne(counts: number[], word: number): void {
  while (counts.length <= word) counts.push(0);
  counts[word] = (counts[word] as number) + 1;
}

/** Arrays for a word's `count` occurrences, or `none`, shared, for a word of no article. */
const sized = (count: number): Occurrences =>
  count === 0 ? none : { times: new Float64Array(count), outlets: new Int32Array(count) };

/** Puts an occurrence of `word` in its next free place (`filled` says how many it has so far). */
function fillOne(occurrences: Occurrences, filled: Int32Array, word: number, time: number, outlet: number) {
  const at = filled[word] as number;
  occurrences.times[at] = time;
  occurrences.outlets[at] = outlet;
  filled[word] = at + 1;
}

/** `index` with the `removed` articles taken out and the `added` put in, in place. */
export function patchWordIndex(
  index: WordIndex,
  removed: readonly WordEntry[],
  added: readonly WordEntry[],
): void {
  for (const { time, outlet, words, opening } of removed) {
    index.times.splice(firstAtLeast(index.times, time), 1);
    const id = outletId(index, outlet);
    for (const word of words) takeOut(index.ofWord, word, time, id);
    if (opening !== undefined) takeOut(index.ofOpening, opening, time, id);
  }
  for (const { time, outlet, words, opening } of added) {
    index.times.splice(firstAtLeast(index.times, time), 0, time);
    const id = outletId(index, outlet);
    for (const word of words) putIn(index.ofWord, word, time, id);
    if (opening !== undefined) putIn(index.ofOpening, opening, time, id);
  }
}

/** `table` (ofWord or ofOpening) without the occurrence of `word` at `time` by `outlet`. */
function takeOut(table: Occurrences[], word: number, time: number, outlet: number): void {
  const occurrences = table[word] ?? none;
  if (occurrences.times.length === 0) return;
  let at = firstAtLeast(occurrences.times, time);
  while (occurrences.outlets[at] !== outlet && occurrences.times[at] === time) at += 1;
  table[word] =
    occurrences.times.length === 1
      ? none
      : { times: without(occurrences.times, at), outlets: without(occurrences.outlets, at) };
}

/** `table` (ofWord or ofOpening) with an occurrence of `word` at `time` by `outlet`, in time order. */
function putIn(table: Occurrences[], word: number, time: number, outlet: number): void {
  while (table.length <= word) table.push(none);
  const occurrences = table[word] as Occurrences;
  const at = firstAtLeast(occurrences.times, time);
  table[word] = {
    times: withAt(occurrences.times, at, time),
    outlets: withAt(occurrences.outlets, at, outlet),
  };
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
): (time: number, outlet: string, span: Span) => (word: number) => number {
  const own = storyRules.ownHours * hour;
  const around = storyRules.aroundHours * hour;
  // Each word's occurrences and cursor, found by one lookup of the word, not two (with the word
  // index's single lookup below: the stage 2.75-2.84 s against 2.85-2.90 s, from JSON).
  const cursors: ((Cursor & { occurrences: Occurrences }) | undefined)[] = [];
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
      let cursor = cursors[word];
      if (!cursor) {
        cursor = { occurrences: index.ofWord[word] ?? none, from: 0, to: 0, ownFrom: 0, ownTo: 0 };
        while (cursors.length < word) cursors.push(undefined);
        cursors[word] = cursor;
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
export type Burst = { word: number; canLead: boolean };

/**
 * The burst of headlines that open on `word` around `time`, when they burst (see storyRules): as
 * many outlets as `burstOutlets` open one on it within `burstHours`, at least one for every
 * `burstHeadlinesPerOutlet` of those headlines, and `burstRatio` times as
 * many as its rate in the rest of the weeks around would give. A name every outlet leads with
 * every day (a giant of the archive's trade) never bursts; the day a company makes the news, its
 * name does. An article of `outlet` may lead the burst's story when another outlet's headline
 * opens on the word within `burstLeadHours`. Everything it reads lies in the article's weeks,
 * inside its span, so that a change outside the span moves no burst of it, as no weight.
 */
export function openingBurst(
  { ofOpening, outletIds }: WordIndex,
  word: number,
  time: number,
  outlet: string,
): Burst | undefined {
  const { times, outlets } = ofOpening[word] ?? none;
  const burstMs = storyRules.burstHours * hour;
  const aroundMs = storyRules.aroundHours * hour;
  const from = firstAtLeast(times, time - burstMs);
  const to = firstAtLeast(times, time + burstMs + 1);
  // Fewer headlines near than a burst needs outlets (most headlines): none, and no set made.
  if (to - from < storyRules.burstOutlets) return undefined;
  const outletsNear = new Set(outlets.subarray(from, to)).size;
  const usual = countWithin(times, time - aroundMs, time + aroundMs) - (to - from);
  // Many outlets, not one outlet's many headlines: a template ("Hostile fixture …" 64 times from
  // one outlet and once from two others) is no burst.
  const bursts =
    outletsNear >= storyRules.burstOutlets &&
    outletsNear * storyRules.burstHeadlinesPerOutlet >= to - from &&
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
