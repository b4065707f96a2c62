/** NewsBlur's window: 120 hours from the story's lead (the seed's own story ran for five days). */
export const windowMs = 120 * 3600 * 1000;

/** The thresholds, chosen on the labelled sets together, never on one (docs/stories.md). */
export const storyRules = {
  /** How alike an article and a story must be (cosine of their weighted words, 0 to 1). */
  similarity: 0.45,
  /**
   * When a `related` link joins the article and the story's lead: support, never a match alone.
   * Below `similarity` (a link lowers the bar; matchStory looks links up only under it).
   */
  citedSimilarity: 0.25,
  /** For an article of an outlet the story already has (a release sent again, not a series). */
  sameOutletSimilarity: 0.6,
  /** A word is weighed by how rare it is in the articles of this many hours around the article... */
  aroundHours: 15 * 24,
  /** ...not counting those of this many hours around it: the days of its own story. */
  ownHours: 12,
  /** ...the weeks widened to hold at least this many articles, in a sparse archive... */
  aroundArticles: 200,
  /** ...but weeks that hold this many alone are enough to say which words are everyday. */
  weeksArticles: 50,
  /** A word in more of those articles than this share carries no weight: the archive's everyday words. */
  commonShare: 0.15,
  /** Weighted words the article and the story must have in common, besides being alike. */
  sharedWords: 2,
  /** Title words count this many times an excerpt's. */
  titleWeight: 2,
  /**
   * A burst of headlines: at least this many outlets open a headline on the same significant word
   * (IBM, the day IBM quits) within `burstHours` either side of an article (shorter than
   * `aroundHours`, whose weeks must hold the burst)...
   */
  burstOutlets: 3,
  burstHours: 24,
  /**
   * ...one outlet at least for this many of the headlines that open on it in those hours (one
   * outlet's template is no burst; any share from 1 in 2 to 1 in 6 gives the same labelled scores)...
   */
  burstHeadlinesPerOutlet: 4,
  /** ...at least this many times as often as the rest of the weeks around have headlines open on it. */
  burstRatio: 3,
  /**
   * Only a headline with another outlet's on the same name within this many hours leads a burst's
   * story: a lone piece hours ahead of the burst (an op-ed urging a company to do what it then
   * announces) is not its first report.
   */
  burstLeadHours: 6,
  /**
   * How alike another outlet's headline of the lead's burst, within `burstHours` of the lead, must
   * be: some weight in common (the name's, where it is rare, or another word's), where the
   * headlines' paraphrases share little else.
   */
  burstSimilarity: 0.05,
  /**
   * How alike a headline of the burst must be when it is more than `burstHours` from the lead but
   * within them of a later headline of the burst in the story: between what different events of one
   * name share by chance (0 to 0.08 in the December 2019 set) and the least alike of that set's
   * weekend reports (0.17; see docs/stories.md).
   */
  burstFollowSimilarity: 0.12,
};
