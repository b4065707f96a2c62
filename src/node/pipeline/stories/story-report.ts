import { formatReport } from '../../seeds/report.ts';
import type { Corpus } from '../corpus.ts';

/** A story as an editor reviews it: its lead's title, its files (lead first) and why they were grouped. */
export type StoryListing = { title: string; files: string[]; reasons: string[]; reason: string };

export function storyListings({ stories, articles, files }: Corpus): StoryListing[] {
  const byId = new Map(articles.map((article) => [article.id, article]));
  return stories.map((story) => ({
    title: byId.get(story.ids[0] ?? '')?.title ?? '',
    files: story.ids.map((id) => files.get(id) ?? id),
    reasons: story.reasons,
    reason: [...new Set(story.reasons.slice(1))].join('; '),
  }));
}

/** The report's line on stories: how many, and the largest. Undefined when every article stands alone. */
export function storiesLine(corpus: Corpus): string | undefined {
  const listings = storyListings(corpus);
  const largest = listings.reduce<StoryListing | undefined>(
    (best, story) => (!best || story.files.length > best.files.length ? story : best),
    undefined,
  );
  if (!largest) return undefined;
  const stories =
    corpus.articles.length - listings.reduce((total, story) => total + story.files.length - 1, 0);
  return `${corpus.articles.length} articles in ${stories} stories; ${listings.length} told by more than one article, the largest by ${largest.files.length}: “${largest.title}”`;
}

/** `check:seeds --stories`: each story of more than one article, for an editor to review. */
export function formatStories(corpus: Corpus, folderLabel = ''): string {
  return storyListings(corpus)
    .map((story) =>
      [
        `“${story.title}” (${story.files.length} articles)`,
        ...story.files.map(
          (file, i) => `  ${folderLabel}${file}: ${i === 0 ? 'the lead' : story.reasons[i]}`,
        ),
      ].join('\n'),
    )
    .join('\n\n');
}

/** The report of a corpus, as build, dev server and `check:seeds` print it: problems, stories, summary. */
export function formatCorpusReport(corpus: Corpus, folderLabel = ''): string {
  const stories = storiesLine(corpus);
  return formatReport(corpus.issues, corpus.summary, folderLabel, stories ? [stories] : []);
}
