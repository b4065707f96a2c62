import type { Article, ArticleFields } from '../../shared/article-schema.ts';
import { compareNewestFirst } from '../../shared/feed-order.ts';
import { articleIds } from '../seeds/article-id.ts';
import type { SeedIssue } from '../seeds/issue.ts';
import { mergeDuplicates } from '../seeds/merge-duplicates.ts';
import type { SeedSummary } from '../seeds/report.ts';
import {
  changedPlaces,
  deriveFromList,
  deriveFromPicked,
  mapByPlace,
  type ListMemo,
  type PickedMemo,
  type PlaceMemo,
} from './memo.ts';
import type { ReadFile } from './read-seeds.ts';
import { findStories, type Story, type StoryMemo } from './stories/find-stories.ts';

/** The archive as the reader shows it: every kept article, newest first, and the whole report. */
export type Corpus = {
  /** Published or not, duplicates merged, newest first. */
  articles: Article[];
  /** Every problem, by file, then line. */
  issues: SeedIssue[];
  summary: SeedSummary;
  /** Every story of more than one article (see findStories); every other article is a story of its own. */
  stories: Story[];
  /** The file each article was read from, by article id. */
  files: Map<string, string>;
};

/** What a long-lived process keeps of this stage from run to run (see Archive). */
export type CorpusMemo = {
  ids: ListMemo<string, Map<string, string>>;
  accepted: PlaceMemo<ReadFile, Accepted | undefined>;
  fileIssues: PlaceMemo<ReadFile, readonly SeedIssue[] | undefined>;
  order: PickedMemo<ArchiveOrder>;
  articles: ArticlesMemo;
  stories: StoryMemo;
};

export const emptyCorpusMemo = (): CorpusMemo => ({
  ids: {},
  accepted: {},
  fileIssues: {},
  order: {},
  articles: {},
  stories: {},
});

/**
 * Stage 3, the one place where articles meet: gives each accepted file its article id, merges
 * files with the same source URL (see mergeDuplicates), orders the rest newest first and groups
 * the articles that report the same event into stories (see findStories).
 * `files` are every listed file that could be read, in listing order; `issues` are the problems
 * found before parsing (unlisted links, unreadable files). `memo`: what the last run found, kept
 * by a long-lived process: the ids and the order while the files' paths, URLs, times and
 * publication are the same (at 100,000 articles, 0.25 s of a dev-server edit of a title), what
 * each file gives while its entry at its place is the same, and the stories (see findStories).
 */
export function buildCorpus(
  files: readonly ReadFile[],
  issues: readonly SeedIssue[],
  filesListed: number,
  memo?: CorpusMemo,
): Corpus {
  const ids = deriveFromList(
    memo?.ids,
    files.map(({ file }) => file),
    articleIds,
  );
  // What each file gives, kept at its place while its entry (the read keeps an unchanged file's)
  // and every id are the same: at 100,000 files, the accepted entries, the articles in order and
  // the problems took 0.17-0.29 s of a dev-server edit made anew, 0.03-0.05 s by place.
  const accepted = mapByPlace(
    memo?.accepted,
    files,
    ({ file, parsed }): Accepted | undefined =>
      parsed.article && { file, article: articleOf(parsed.article, ids.get(file) ?? file) },
    [ids],
  ).filter((entry) => entry !== undefined);
  const fileIssues = mapByPlace(memo?.fileIssues, files, ({ parsed }) =>
    parsed.issues.length > 0 ? parsed.issues : undefined,
  );
  const order = deriveFromPicked(
    memo?.order,
    accepted,
    // The id too: it depends on every file read, rejected ones among them (see articleIds).
    ({ file, article: { id, url, published, publishedAt } }) => [file, id, url, published, publishedAt],
    () => archiveOrder(accepted),
  );
  const articles = articlesOf(order, accepted, memo?.articles);
  const allIssues = [...issues, ...fileIssues.flatMap((list) => list ?? []), ...order.issues].sort(
    (a, b) => compareText(a.file, b.file) || (a.line ?? 0) - (b.line ?? 0),
  );
  return {
    articles,
    issues: allIssues,
    summary: summaryOf(filesListed, articles.length, allIssues),
    stories: findStories(articles, memo?.stories),
    files: order.files,
  };
}

type Accepted = { file: string; article: Article };

/**
 * The articles kept once duplicates are merged, as positions in the accepted list, newest first;
 * the warnings of the merge; and the file of each kept article, by id, in path order.
 */
type ArchiveOrder = {
  newestFirst: number[];
  /** The rank of the article at each position; -1 for a duplicate merged into another. */
  rankAt: Int32Array;
  issues: SeedIssue[];
  files: Corpus['files'];
};

function archiveOrder(accepted: readonly Accepted[]): ArchiveOrder {
  const merged = mergeDuplicates(accepted);
  const positionOf = new Map(accepted.map(({ article }, position) => [article, position]));
  // Sorted as articles, not as the entries holding them: 0.27 s against 0.6 s at 100,000.
  const newestFirst = merged.kept
    .map(({ article }) => article)
    .sort(compareNewestFirst)
    .map((article) => positionOf.get(article) as number);
  const rankAt = new Int32Array(accepted.length).fill(-1);
  newestFirst.forEach((position, rank) => {
    rankAt[position] = rank;
  });
  return {
    files: new Map(merged.kept.map(({ file, article }) => [article.id, file])),
    newestFirst,
    rankAt,
    issues: merged.issues,
  };
}

/** The last run's order, the accepted entries it was read with, and the articles in it. */
type ArticlesMemo = {
  last?: { order: ArchiveOrder; accepted: readonly Accepted[]; articles: readonly Article[] };
};

/**
 * The articles of `accepted` in `order`. While the order is the last run's (the same object: see
 * deriveFromPicked), the last run's list with the article of each entry that is not the last
 * run's at its place put at its rank (at 100,000, 0.03-0.045 s of an edit read each entry, 3-6 ms so).
 */
function articlesOf(order: ArchiveOrder, accepted: readonly Accepted[], memo?: ArticlesMemo): Article[] {
  const last = memo?.last;
  let articles: Article[];
  if (last?.order === order && last.accepted.length === accepted.length) {
    articles = [...last.articles];
    for (const position of changedPlaces(last.accepted, accepted)) {
      const rank = order.rankAt[position] as number;
      if (rank >= 0) articles[rank] = (accepted[position] as Accepted).article;
    }
  } else articles = order.newestFirst.map((position) => (accepted[position] as Accepted).article);
  if (memo) memo.last = { order, accepted, articles };
  return articles;
}

/**
 * Each parse's article with its id: the same object from run to run while its file and its id are
 * unchanged (the parse cache keeps the parse), so that what the stages derive from an article is
 * kept with it (see memo.ts; the archive's incremental runs).
 */
const articles = new WeakMap<ArticleFields, Article>();
function articleOf(fields: ArticleFields, id: string): Article {
  const known = articles.get(fields);
  if (known?.id === id) return known;
  const article = { id, ...fields };
  articles.set(fields, article);
  return article;
}

const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function summaryOf(filesRead: number, articlesKept: number, issues: readonly SeedIssue[]): SeedSummary {
  const rejected = new Set(issues.filter((issue) => issue.severity === 'error').map((issue) => issue.file));
  return {
    filesRead,
    articlesKept,
    filesRejected: rejected.size,
    warnings: issues.filter((issue) => issue.severity === 'warning').length,
  };
}
