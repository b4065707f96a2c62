import { formatReport } from '../../seeds/report.ts';
import type { Corpus } from '../corpus.ts';
import type { Story } from './find-stories.ts';

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
export function storiesLine({ stories, articles }: Corpus): string | undefined {
  const largest = stories.reduce<Story | undefined>(
    (best, story) => (!best || story.ids.length > best.ids.length ? story : best),
    undefined,
  );
  if (!largest) return undefined;
  // The largest story's title found without a map of every article (0.05 s an edit at 100,000).
  const title = articles.find((article) => article.id === largest.ids[0])?.title ?? '';
  const count = articles.length - stories.reduce((total, story) => total + story.ids.length - 1, 0);
  return `${articles.length} articles in ${count} stories; ${stories.length} told by more than one article, the largest by ${largest.ids.length}: “${title}”`;
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
