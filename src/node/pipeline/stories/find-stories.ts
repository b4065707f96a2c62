import type { Article } from '../../../shared/article-schema.ts';
import { memoByObject } from '../memo.ts';
import { normalisedTitle, storyWords } from './story-words.ts';

/** What finding stories reads of an article. */
export type StoryInput = Pick<
  Article,
  'id' | 'title' | 'excerpt' | 'publishedAt' | 'url' | 'provider' | 'related'
>;

/** A story of two articles or more: its lead first, then the others, each with why it joined. */
export type Story = { ids: string[]; reasons: string[] };

/** NewsBlur's window: 120 hours from the story's lead (the seed's own story ran for five days). */
const windowMs = 120 * 3600 * 1000;

/** The thresholds, chosen on the three labelled corpora together (docs/stories.md). */
export const storyRules = {
  /** How alike an article and a story must be (cosine of their weighted words, 0 to 1). */
  similarity: 0.45,
  /** When a `related` link joins the article and the story's lead: support, never a match alone. */
  citedSimilarity: 0.25,
  /** For an article of an outlet the story already has (a release sent again, not a series). */
  sameOutletSimilarity: 0.6,
  /** A word is weighed by how rare it is in the articles of this many hours around the article... */
  aroundHours: 15 * 24,
  /** ...not counting those of this many hours around it: the days of its own story. */
  ownHours: 12,
  /** ...the weeks widened to hold at least this many articles, in a sparse archive. */
  aroundArticles: 200,
  /** A word in more of those articles than this share carries no weight: the archive's everyday words. */
  commonShare: 0.15,
  /** Weighted words the article and the story must have in common, besides being alike. */
  sharedWords: 2,
  /** Title words count this many times an excerpt's. */
  titleWeight: 2,
};

type Vector = Map<string, number>;

type Profile = {
  article: StoryInput;
  time: number;
  title: string;
  titleWords: ReadonlySet<string>;
  vector: Vector;
  outlet: string;
};

type Building = {
  lead: Profile;
  members: Profile[];
  reasons: string[];
  centroid: Vector;
  /** The centroid's squared length, kept as members join. */
  squared: number;
  outlets: Set<string>;
};

/**
 * The stories of an archive: articles that report the same event, grouped at build time. Each
 * article is a vector of its words (title words counting twice), weighted by how rare each word
 * is in the weeks around it (see localWeights), so that the names of the day count and the words
 * the archive uses all month do not.
 * Taken oldest first, an article joins the open story (its lead at most 120 hours older) whose
 * centroid, the sum of its members, it is most alike, when alike enough; else it leads a story of
 * its own. Matching the whole story rather than any one member keeps a path of weak links from
 * chaining stories together, and lets a big story, told in many words, stay whole. The same
 * title joins at once; an outlet the story has already needs more; a `related` link lowers the
 * bar, never to nothing. The same articles give the same stories, whatever their order.
 */
export function findStories(articles: readonly StoryInput[]): Story[] {
  const words = articles.map(wordsOf);
  const weights = localWeights(articles, words);
  const profiles = articles
    .map((article, i) => profileOf(article, words[i] as ArticleWords, weights(i)))
    .sort((a, b) => a.time - b.time || compare(a.article.id, b.article.id));
  const stories: Building[] = [];
  // The open stories, found by a word of their centroid, or by their lead's title. (A `related`
  // link only lowers the bar for a story that shares words, so it needs no index of its own.)
  const byWord = new Map<string, Set<Building>>();
  const byTitle = new Map<string, Set<Building>>();
  const index = (map: Map<string, Set<Building>>, key: string, story: Building) => {
    const set = map.get(key) ?? new Set();
    set.add(story);
    map.set(key, set);
  };
  let oldestOpen = 0;
  for (const profile of profiles) {
    for (; oldestOpen < stories.length; oldestOpen += 1) {
      const story = stories[oldestOpen] as Building;
      if (profile.time - story.lead.time <= windowMs) break;
      for (const word of story.centroid.keys()) byWord.get(word)?.delete(story);
      byTitle.get(story.lead.title)?.delete(story);
    }
    // Each open story with the weighted words it shares with the article: only a story with
    // enough of them, or the same title, is scored (2.8 s for 100,000 articles, 3.6 s scoring all).
    const shared = new Map<Building, number>();
    for (const word of profile.vector.keys())
      for (const story of byWord.get(word) ?? []) shared.set(story, (shared.get(story) ?? 0) + 1);
    const candidates = new Map([...shared].filter(([, words]) => words >= storyRules.sharedWords));
    for (const story of byTitle.get(profile.title) ?? []) candidates.set(story, shared.get(story) ?? 0);
    const best = bestMatch(profile, candidates);
    if (best) {
      join(best.story, profile, best.reason);
      for (const word of profile.vector.keys()) index(byWord, word, best.story);
    } else {
      const story: Building = {
        lead: profile,
        members: [],
        reasons: [],
        centroid: new Map(profile.vector),
        squared: profile.vector.size > 0 ? 1 : 0,
        outlets: new Set([profile.outlet]),
      };
      stories.push(story);
      for (const word of profile.vector.keys()) index(byWord, word, story);
      index(byTitle, profile.title, story);
    }
  }
  return stories
    .filter((story) => story.members.length > 0)
    .map((story) => ({
      ids: [story.lead.article.id, ...story.members.map((member) => member.article.id)],
      reasons: ['', ...story.reasons],
    }));
}

/** The story `profile` matches best, of `candidates` (with the words each shares); on a tie, the older one. */
function bestMatch(profile: Profile, candidates: ReadonlyMap<Building, number>) {
  let best: { story: Building; score: number; reason: string } | undefined;
  for (const [story, words] of candidates) {
    const match = matchStory(profile, story, words);
    if (!match) continue;
    const better =
      !best ||
      match.score > best.score ||
      (match.score === best.score && story.lead.time < best.story.lead.time);
    if (better) best = { story, ...match };
  }
  return best;
}

/** Adds `profile` to `story`, its vector to the centroid. */
function join(story: Building, profile: Profile, reason: string): void {
  story.members.push(profile);
  story.reasons.push(reason);
  story.outlets.add(profile.outlet);
  for (const [word, weight] of profile.vector) {
    const before = story.centroid.get(word) ?? 0;
    story.centroid.set(word, before + weight);
    story.squared += (before + weight) ** 2 - before ** 2;
  }
}

type ArticleWords = { title: ReadonlySet<string>; excerpt: ReadonlySet<string> };

/** An article's words, kept with it (1.3 s of a dev server's 4.2 s of stories at 100,000 articles). */
const wordsOf = memoByObject((article: StoryInput): ArticleWords => ({
  title: storyWords(article.title),
  excerpt: storyWords(article.excerpt ?? ''),
}));

/**
 * Each word's weight in each article: the log of how rare the word is in the articles of the weeks
 * around it (`aroundHours`, widened to `aroundArticles` where the archive is sparse), leaving out
 * those of the article's own days (`ownHours`). A word the archive uses all month ("facial
 * recognition" in an archive about it) weighs little or nothing; the name many outlets print on
 * one day (IBM, the day IBM quits) weighs as much as a rare word, however big its story. Only
 * articles near in time count: articles added weeks away change no weight (so a change can only
 * move the stories of its own weeks), and a small or topical archive weighs its words as a big
 * one does (docs/stories.md has the measurements).
 */
function localWeights(
  articles: readonly StoryInput[],
  words: readonly ArticleWords[],
): (index: number) => Map<string, number> {
  const times = articles.map((article) => Date.parse(article.publishedAt));
  const allTimes = [...times].sort((a, b) => a - b);
  const timesOfWord = new Map<string, number[]>();
  words.forEach((articleWords, index) => {
    for (const word of allWords(articleWords)) {
      const list = timesOfWord.get(word) ?? [];
      list.push(times[index] as number);
      timesOfWord.set(word, list);
    }
  });
  for (const list of timesOfWord.values()) list.sort((a, b) => a - b);
  const around = storyRules.aroundHours * 3600 * 1000;
  const own = storyRules.ownHours * 3600 * 1000;
  return (index) => {
    const time = times[index] as number;
    const [from, to] = aroundOf(allTimes, time, around);
    const articlesAround = countWithin(allTimes, from, to);
    const weights = new Map<string, number>();
    for (const word of allWords(words[index] as ArticleWords)) {
      const list = timesOfWord.get(word) as number[];
      const elsewhere = countWithin(list, from, to) - countWithin(list, time - own, time + own);
      const common = elsewhere > storyRules.commonShare * articlesAround;
      weights.set(word, common ? 0 : Math.log(articlesAround / (elsewhere + 1)));
    }
    return weights;
  };
}

/** The span of `aroundHours` each side of `time`, widened to the nearest `aroundArticles` of `sorted`. */
function aroundOf(sorted: readonly number[], time: number, around: number): [number, number] {
  const wanted = Math.min(storyRules.aroundArticles, sorted.length);
  const first = Math.max(
    0,
    Math.min(firstAtLeast(sorted, time) - Math.floor(wanted / 2), sorted.length - wanted),
  );
  const last = first + wanted - 1;
  return [Math.min(time - around, sorted[first] ?? time), Math.max(time + around, sorted[last] ?? time)];
}

const allWords = ({ title, excerpt }: ArticleWords) => new Set([...title, ...excerpt]);

/** How many of `sorted` lie in [from, to]. */
const countWithin = (sorted: readonly number[], from: number, to: number) =>
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

function profileOf(
  article: StoryInput,
  { title, excerpt }: ArticleWords,
  weights: ReadonlyMap<string, number>,
): Profile {
  const vector: Vector = new Map();
  for (const word of excerpt) vector.set(word, weights.get(word) ?? 0);
  for (const word of title)
    vector.set(word, (vector.get(word) ?? 0) + storyRules.titleWeight * (weights.get(word) ?? 0));
  for (const [word, weight] of vector) if (weight === 0) vector.delete(word);
  return {
    article,
    time: Date.parse(article.publishedAt),
    title: normalisedTitle(article.title),
    titleWords: title,
    vector: scaled(vector),
    outlet: (article.provider?.name ?? new URL(article.url).hostname).toLowerCase(),
  };
}

/**
 * Whether `profile` reports the event of `story`, with which it shares `words` weighted words; how
 * surely, and in a few words why.
 */
function matchStory(
  profile: Profile,
  story: Building,
  words: number,
): { score: number; reason: string } | undefined {
  const { lead } = story;
  if (profile.title === lead.title) return { score: 2, reason: 'same title' };
  const cited = cites(profile, lead) || cites(lead, profile);
  const score = story.squared > 0 ? dot(profile.vector, story.centroid) / Math.sqrt(story.squared) : 0;
  const needed = story.outlets.has(profile.outlet)
    ? storyRules.sameOutletSimilarity
    : cited
      ? storyRules.citedSimilarity
      : storyRules.similarity;
  // One rare word in common is a coincidence of short texts, not a story.
  if (score < needed || words < storyRules.sharedWords) return undefined;
  const shared = [...profile.titleWords].filter((word) => lead.titleWords.has(word)).length;
  const reason =
    shared >= 2 ? `${shared} title words in common` : `${words} word${words === 1 ? '' : 's'} in common`;
  return { score, reason: cited ? `${reason}, linked as related reading` : reason };
}

/** `vector` made of length 1, in place. */
function scaled(vector: Vector): Vector {
  const length = Math.hypot(...vector.values());
  if (length > 0) for (const [word, weight] of vector) vector.set(word, weight / length);
  return vector;
}

/** Whether `from` lists `to` in its related reading, by URL or by title. */
const cites = (from: Profile, to: Profile): boolean =>
  from.article.related.some(
    (item) => item.url === to.article.url || normalisedTitle(item.title) === to.title,
  );

/** The dot product of a sparse vector with another. */
function dot(a: Vector, b: Vector): number {
  let total = 0;
  for (const [word, weight] of a) total += weight * (b.get(word) ?? 0);
  return total;
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
