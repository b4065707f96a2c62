import type { Article } from '../../../shared/article-schema.ts';
import { memoByObject } from '../memo.ts';
import { storyRules, windowMs } from './story-rules.ts';
import {
  countWithin,
  openingBurst,
  patchWordIndex,
  spanOf,
  weighing,
  wordIndex,
  type Burst,
  type Span,
  type WordEntry,
  type WordIndex,
} from './story-weights.ts';
import { normalisedTitle, storyWords } from './story-words.ts';

export { storyRules } from './story-rules.ts';

/** What finding stories reads of an article. */
export type StoryInput = Pick<
  Article,
  'id' | 'title' | 'excerpt' | 'publishedAt' | 'url' | 'provider' | 'related'
>;

/** A story of two articles or more: its lead first, then the others, each with why it joined. */
export type Story = { ids: string[]; reasons: string[] };

/**
 * What a long-lived process (the dev server) keeps of the last run, so that the next recomputes
 * only the weeks a change touches (see findStories); empty at first.
 */
export type StoryMemo = { last?: StoryRun };

type StoryRun = {
  /** The articles as the run was given them (newest first). */
  input: readonly StoryInput[];
  /** The articles, oldest first, and the position of each. */
  order: StoryInput[];
  positions: Map<StoryInput, number>;
  /** Each article's span of weighing, its profile, and the story it joined, by position. */
  spans: Span[];
  profiles: Profile[];
  decisions: Decision[];
  index: WordIndex;
};

/** The story an article joined, named by its lead (the article itself when it leads one), and why. */
type Decision = { lead: StoryInput; reason: string };

/** Weights by word (by its number, see storyWords). */
type Vector = Map<number, number>;

type Profile = {
  article: StoryInput;
  time: number;
  title: string;
  titleWords: readonly number[];
  vector: Vector;
  outlet: string;
  /** Its place in the burst of headlines that open on its headline's first word, if any. */
  burst?: Burst;
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
 * is in the weeks around it (see story-weights.ts), so that the names of the day count and the
 * words the archive uses all month do not.
 * Taken oldest first, an article joins the open story (its lead at most 120 hours older) whose
 * centroid, the sum of its members, it is most alike, when alike enough; else it leads a story of
 * its own. Matching the whole story rather than any one member keeps a path of weak links from
 * chaining stories together, and lets a big story, told in many words, stay whole. The same
 * title joins at once; an outlet the story has already needs more; a `related` link lowers the
 * bar, never to nothing; another outlet's headline of the lead's burst (see openingBurst: many
 * outlets opening a headline on one name within a day) needs little more than the name, within a
 * day of the lead, and a little more, within a day of a later headline of the burst in the story
 * (see burstBar). The same articles give the same stories, whatever their order.
 *
 * With a `memo` of the last run, only what a change can move is computed again: the profiles of
 * the articles whose weeks hold a changed article, and the pass from the first of them until its
 * open stories are again those of the last run; the result is a cold run's (tested).
 */
export function findStories(articles: readonly StoryInput[], memo?: StoryMemo): Story[] {
  const last = memo?.last;
  // A run that fails half way leaves no half-patched index behind: the next starts cold.
  if (memo) memo.last = undefined;
  const kept = last && inPlace(last, articles);
  // Articles edited in place (times and ids as they were) keep the last order.
  const order = kept ? kept.order : oldestFirst(articles);
  let removed = kept?.removed ?? [];
  let added = kept?.added ?? [];
  if (last && !kept) {
    const now = new Set(order);
    removed = last.order.filter((article) => !now.has(article));
    added = order.filter((article) => !last.positions.has(article));
  }
  // One article's entry at a time (all of them at once, as sets, held 140 MB more at the peak).
  const index = last ? last.index : wordIndex(() => mapped(order, entryOf));
  if (last) patchWordIndex(index, removed.map(entryOf), added.map(entryOf));
  const changedTimes = [...removed, ...added].map(timeOf).sort((a, b) => a - b);
  // The same times in the same order: the same spans.
  const spans = kept ? last.spans : order.map((article) => spanOf(index, timeOf(article)));
  const weigher = weighing(index);
  const profiles = order.map((article, i) => {
    const span = spans[i] as Span;
    // Where the article was in the last run: at the same place after an edit in place.
    const at = kept ? (last.order[i] === article ? i : undefined) : last?.positions.get(article);
    const keptProfile = at === undefined ? undefined : last?.profiles[at];
    const lastSpan = at === undefined ? undefined : last?.spans[at];
    // The same article, weighed over the same span, which no change falls in: the same weights.
    if (keptProfile && lastSpan?.[0] === span[0] && lastSpan[1] === span[1])
      if (countWithin(changedTimes, span[0], span[1]) === 0) return keptProfile;
    const facts = factsOf(article);
    const { opening } = facts;
    const burst = opening === undefined ? undefined : openingBurst(index, opening, facts.time, facts.outlet);
    return profileOf(article, facts, weigher(facts.time, facts.outlet, span), burst);
  });
  const decisions = decide(profiles, last);
  if (memo) {
    // After an edit in place, the last run's map, patched: the last run is gone from the memo.
    const positions = last && kept ? last.positions : new Map(order.map((article, i) => [article, i]));
    if (kept) {
      removed.forEach((before, i) => {
        positions.set(added[i] as StoryInput, positions.get(before) as number);
        positions.delete(before);
      });
    }
    memo.last = { input: articles, order, positions, spans, profiles, decisions, index };
  }
  // A story for each lead that others joined, in the leads' order: not one for every article,
  // then left out (96,000 stories made and dropped took 0.1 s of a dev-server edit at 100,000).
  const followed = new Set<StoryInput>();
  decisions.forEach(({ lead }, i) => {
    if (lead !== order[i]) followed.add(lead);
  });
  const stories = new Map<StoryInput, Story>();
  order.forEach((article, i) => {
    const { lead, reason } = decisions[i] as Decision;
    if (followed.has(article)) stories.set(article, { ids: [article.id], reasons: [''] });
    const story = lead === article ? undefined : stories.get(lead);
    story?.ids.push(article.id);
    story?.reasons.push(reason);
  });
  return [...stories.values()];
}

/**
 * When `articles` are the last run's but for articles edited in place (another object at the same
 * place, with the same time and id, as a retitle gives), the last run's order with the new objects
 * in their places, and which were removed and added, place by place (at 100,000 articles,
 * sorting and comparing every article again took 0.13 s of a dev-server edit); else undefined.
 */
function inPlace(
  last: StoryRun,
  articles: readonly StoryInput[],
): { order: StoryInput[]; removed: StoryInput[]; added: StoryInput[] } | undefined {
  if (last.input.length !== articles.length) return undefined;
  const order = [...last.order];
  const removed: StoryInput[] = [];
  const added: StoryInput[] = [];
  for (let i = 0; i < articles.length; i += 1) {
    const article = articles[i] as StoryInput;
    const before = last.input[i] as StoryInput;
    if (article === before) continue;
    if (article.id !== before.id || timeOf(article) !== timeOf(before)) return undefined;
    const place = last.positions.get(before) as number;
    order[place] = article;
    removed.push(before);
    added.push(article);
  }
  return { order, removed, added };
}

/**
 * The story each article joins, by position: the pass described at findStories. With the `last`
 * run, the decisions before the first new profile are the last run's; the pass starts there from
 * the stories then open, and stops once the profiles are the last run's again and every article
 * of the open stories' 120 hours decided as it did: from there on, every decision is the same.
 */
function decide(profiles: readonly Profile[], last?: StoryRun): Decision[] {
  const lastProfiles = last?.profiles ?? [];
  let first = 0;
  while (first < profiles.length && profiles[first] === lastProfiles[first]) first += 1;
  let same = 0;
  while (
    same < profiles.length - first &&
    same < lastProfiles.length - first &&
    profiles[profiles.length - 1 - same] === lastProfiles[lastProfiles.length - 1 - same]
  )
    same += 1;
  const shift = lastProfiles.length - profiles.length;
  const lastDecisions = last?.decisions ?? [];
  const decisions = lastDecisions.slice(0, first);
  const pass = openStories();
  // The stories open when the pass reaches `first`, rebuilt as the last run built them.
  const openFrom = firstOpen(profiles, first);
  const open = new Map<StoryInput, Building>();
  for (let i = openFrom; i < first; i += 1) {
    const profile = profiles[i] as Profile;
    const { lead, reason } = decisions[i] as Decision;
    if (lead === profile.article) open.set(lead, pass.start(profile));
    else {
      const story = open.get(lead);
      if (story) pass.join(story, profile, reason);
    }
  }
  const asBefore = (j: number) =>
    j >= profiles.length - same &&
    decisions[j]?.lead === lastDecisions[j + shift]?.lead &&
    decisions[j]?.reason === lastDecisions[j + shift]?.reason;
  for (let i = first; i < profiles.length; i += 1) {
    if (i >= profiles.length - same) {
      let j = firstOpen(profiles, i);
      while (j < i && asBefore(j)) j += 1;
      if (j === i) return [...decisions, ...lastDecisions.slice(i + shift)];
    }
    decisions.push(pass.add(profiles[i] as Profile));
  }
  return decisions;
}

/** The first position whose article is within 120 hours before the one at `at`. */
function firstOpen(profiles: readonly Profile[], at: number): number {
  const time = profiles[at]?.time ?? Infinity;
  let i = at;
  while (i > 0 && time - (profiles[i - 1] as Profile).time <= windowMs) i -= 1;
  return i;
}

/** The open stories of the pass, found by a word of their centroid or by their lead's title. */
function openStories() {
  const stories: Building[] = [];
  // (A `related` link only lowers the bar for a story that shares words, so it needs no index.)
  const byWord = new Map<number, Set<Building>>();
  const byTitle = new Map<string, Set<Building>>();
  const byBurst = new Map<number, Set<Building>>();
  const index = <K>(map: Map<K, Set<Building>>, key: K, story: Building) => {
    const set = map.get(key) ?? new Set();
    set.add(story);
    map.set(key, set);
  };
  let oldestOpen = 0;
  const start = (profile: Profile): Building => {
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
    if (profile.title !== '') index(byTitle, profile.title, story);
    if (profile.burst?.canLead) index(byBurst, profile.burst.word, story);
    return story;
  };
  const joinStory = (story: Building, profile: Profile, reason: string) => {
    join(story, profile, reason);
    for (const word of profile.vector.keys()) index(byWord, word, story);
  };
  /** Closes the stories too old for `profile`, then puts it in the story it matches best, or a new one. */
  const add = (profile: Profile): Decision => {
    for (; oldestOpen < stories.length; oldestOpen += 1) {
      const story = stories[oldestOpen] as Building;
      if (profile.time - story.lead.time <= windowMs) break;
      for (const word of story.centroid.keys()) byWord.get(word)?.delete(story);
      byTitle.get(story.lead.title)?.delete(story);
      if (story.lead.burst) byBurst.get(story.lead.burst.word)?.delete(story);
    }
    // Each open story with the weighted words it shares with the article: only a story with
    // enough of them, the same title or a lead of the same burst is scored (2.8 s for 100,000
    // articles, 3.6 s scoring all).
    const shared = new Map<Building, number>();
    for (const word of profile.vector.keys())
      for (const story of byWord.get(word) ?? noStories) shared.set(story, (shared.get(story) ?? 0) + 1);
    const candidates = new Map<Building, number>();
    for (const [story, words] of shared) if (words >= storyRules.sharedWords) candidates.set(story, words);
    for (const story of byTitle.get(profile.title) ?? noStories)
      candidates.set(story, shared.get(story) ?? 0);
    if (profile.burst)
      for (const story of byBurst.get(profile.burst.word) ?? noStories)
        candidates.set(story, shared.get(story) ?? 0);
    const best = bestMatch(profile, candidates);
    if (!best) return { lead: start(profile).lead.article, reason: '' };
    joinStory(best.story, profile, best.reason);
    return { lead: best.story.lead.article, reason: best.reason };
  };
  return { start, join: joinStory, add };
}

const noStories: ReadonlySet<Building> = new Set();

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

const timeOf = (article: StoryInput) => factsOf(article).time;

/** Oldest first, equal times by id; each time looked up once, not at every comparison (0.1 s less at 100,000). */
const oldestFirst = (articles: readonly StoryInput[]): StoryInput[] =>
  articles
    .map((article) => ({ article, time: timeOf(article) }))
    .sort((a, b) => a.time - b.time || compare(a.article.id, b.article.id))
    .map(({ article }) => article);

function* mapped<T, U>(items: Iterable<T>, map: (item: T) => U): Generator<U> {
  for (const item of items) yield map(item);
}

/** Who published an article, as stories compare outlets: its provider's name, else its host. */
const outletOf = (article: StoryInput) =>
  (article.provider?.name ?? new URL(article.url).hostname).toLowerCase();

/**
 * What stories read of an article, derived once and kept with it: its time, outlet, title as
 * outlets print it, and its words. At 100,000 articles this took the stage from 4.1-4.3 s to
 * 3.3-3.4 s when the words were already kept (a dev server's run), from 5.5-5.7 s to 5.2-5.5 s
 * when nothing was (a build).
 */
type Facts = {
  time: number;
  outlet: string;
  title: string;
  titleWords: readonly number[];
  excerptWords: readonly number[];
  /** The title's words the excerpt lacks: once, not at each of the word index's two passes (0.05 s). */
  titleOnly: readonly number[];
  /** The word its headline opens on, for bursts (see opensOnLabel). */
  opening?: number;
};

const factsOf = memoByObject((article: StoryInput): Facts => {
  const titleWords = storyWords(article.title);
  const excerptWords = storyWords(article.excerpt ?? '');
  const [opening] = titleWords;
  return {
    time: Date.parse(article.publishedAt),
    outlet: outletOf(article),
    title: normalisedTitle(article.title),
    titleWords,
    excerptWords,
    titleOnly: titleWords.filter((word) => !excerptWords.includes(word)),
    ...(opening === undefined || opensOnLabel(article.title) ? {} : { opening }),
  };
});

/**
 * Whether a headline opens on a label of a word or two ("Coronavirus: …", "Daily Crunch: …",
 * "Podcast: …"): a section or a theme, not who made the news, so its first word makes no burst.
 * (A headline with a subtitle, "IBM quits facial recognition: what it means", has none.)
 */
const opensOnLabel = (title: string) => /^\s*[^\s:]+(?:\s+[^\s:]+)?\s*:\s/.test(title);

const entryOf = (article: StoryInput): WordEntry => {
  const { time, outlet, excerptWords, titleOnly, opening } = factsOf(article);
  // Each word once: the excerpt's, then those of the title it lacks; and the one it opens on.
  return {
    time,
    outlet,
    words: [...excerptWords, ...titleOnly],
    ...(opening === undefined ? {} : { opening }),
  };
};

function profileOf(
  article: StoryInput,
  { time, outlet, title, titleWords, excerptWords }: Facts,
  weightOf: (word: number) => number,
  burst: Burst | undefined,
): Profile {
  // Only the words that weigh something: all set, then those of no weight deleted, the stage took
  // 0.35 s more at 100,000 (2.81 s against 2.46 s; a Map that lost keys is slower to read).
  const vector: Vector = new Map();
  for (const word of excerptWords) {
    const weight = weightOf(word);
    if (weight !== 0) vector.set(word, weight);
  }
  for (const word of titleWords) {
    // The word's weight, when the excerpt has it too (a word it has at 0 is weighed 0 again).
    const inExcerpt = vector.get(word);
    const weight = inExcerpt ?? weightOf(word);
    if (weight !== 0) vector.set(word, (inExcerpt ?? 0) + storyRules.titleWeight * weight);
  }
  return { article, time, title, titleWords, vector: scaled(vector), outlet, ...(burst ? { burst } : {}) };
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
  // A title of no letter or digit ("!!!", "🔥") is no title to have in common.
  if (profile.title !== '' && profile.title === lead.title) return { score: 2, reason: 'same title' };
  const score = story.squared > 0 ? dot(profile.vector, story.centroid) / Math.sqrt(story.squared) : 0;
  // One rare word in common is a coincidence of short texts, not a story. An outlet the story has
  // already needs more (a release sent again, not a series); a related link lowers the bar, never
  // to nothing (looked up only for a score it can change, and for the reason: for every candidate
  // it took 0.1 s more at 100,000, most being below every bar).
  const sameOutlet = story.outlets.has(profile.outlet);
  const enoughWords = words >= storyRules.sharedWords;
  let reason: string | undefined;
  if (
    enoughWords &&
    (score >= (sameOutlet ? storyRules.sameOutletSimilarity : storyRules.similarity) ||
      (!sameOutlet && score >= storyRules.citedSimilarity && linked(profile, lead)))
  ) {
    const shared = profile.titleWords.filter((word) => lead.titleWords.includes(word)).length;
    reason =
      shared >= 2 ? `${shared} title words in common` : `${words} word${words === 1 ? '' : 's'} in common`;
  } else if (!sameOutlet) {
    // Or another outlet's headline of the lead's burst.
    const burst = burstBar(profile, story);
    if (burst && score >= burst.bar) reason = burst.reason;
  }
  if (reason === undefined) return undefined;
  return { score, reason: linked(profile, lead) ? `${reason}, linked as related reading` : reason };
}

/** Whether either article lists the other in its related reading. */
const linked = (a: Profile, b: Profile) => cites(a, b) || cites(b, a);

/**
 * How alike `profile` must be to `story` as a headline of the burst its lead leads (see
 * openingBurst), and why it joins: the outlets' paraphrases of one event ("IBM quits…", "IBM
 * ditches…"), which share few words but the name. Within a day of the lead, some weight in common
 * will do; within a day of a later headline of the burst in the story, more (the weekend after a
 * Friday's news, where a chain of days could otherwise reach the name's next event); else it is
 * not of the burst (undefined).
 */
function burstBar({ burst, time }: Profile, { lead, members }: Building) {
  const word = burst?.word;
  if (word === undefined || lead.burst?.canLead !== true || lead.burst.word !== word) return undefined;
  const withinDay = (other: Profile) => Math.abs(time - other.time) <= storyRules.burstHours * hour;
  if (withinDay(lead))
    return { bar: storyRules.burstSimilarity, reason: 'headlines open on the same name, within a day' };
  if (members.some((member) => member.burst?.word === word && withinDay(member)))
    return {
      bar: storyRules.burstFollowSimilarity,
      reason: 'headlines open on the same name, each within a day of the last',
    };
  return undefined;
}

/** `vector` made of length 1, in place. */
function scaled(vector: Vector): Vector {
  const length = Math.hypot(...vector.values());
  if (length > 0) for (const [word, weight] of vector) vector.set(word, weight / length);
  return vector;
}

/** Whether `from` lists `to` in its related reading, by URL or by title. */
function cites(from: Profile, to: Profile): boolean {
  const { urls, titles } = citedBy(from.article);
  return urls.has(to.article.url) || (to.title !== '' && titles.has(to.title));
}

const citesNothing = { urls: new Set<string>(), titles: new Set<string>() };

/**
 * The URLs and titles (as normalisedTitle gives them) an article's related reading lists, worked
 * out at its first match: normalised at every match, they took 0.3 s of the stage at 100,000.
 */
const citedBy = memoByObject((article: StoryInput) =>
  article.related.length === 0
    ? citesNothing
    : {
        urls: new Set(article.related.map((item) => item.url)),
        titles: new Set(article.related.map((item) => normalisedTitle(item.title))),
      },
);

/** The dot product of a sparse vector with another. */
function dot(a: Vector, b: Vector): number {
  let total = 0;
  for (const [word, weight] of a) total += weight * (b.get(word) ?? 0);
  return total;
}

const hour = 3600 * 1000;

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
