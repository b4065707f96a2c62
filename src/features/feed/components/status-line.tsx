import { pluralize } from '../../../lib/plural.ts';

type StatusLineProps = {
  state: 'pending' | 'error' | 'success';
  count: number;
  /** How many stories those articles make, when the feed groups them. */
  stories?: number;
  /** What is counted: articles, or saved articles. */
  noun?: string;
  /** How many read articles "Hide read" leaves out, when it is on. */
  hiddenRead?: number;
};

/**
 * Always says what is shown ("131 articles in 127 stories", "12 of 131 articles, read hidden");
 * screen readers hear every change.
 */
export function StatusLine({ state, count, stories, noun = 'article', hiddenRead }: StatusLineProps) {
  const total = count + (hiddenRead ?? 0);
  const articles =
    hiddenRead === undefined
      ? pluralize(count, noun)
      : `${count.toLocaleString('en')} of ${pluralize(total, noun)}`;
  const inStories =
    stories !== undefined && stories < count ? ` in ${pluralize(stories, 'story', 'stories')}` : '';
  return (
    <p role="status" className="status-line">
      {state === 'pending'
        ? 'Loading articles…'
        : state === 'error'
          ? 'No articles loaded'
          : `${articles}${inStories}${hiddenRead === undefined ? '' : ', read hidden'}`}
    </p>
  );
}
