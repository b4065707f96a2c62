import { pluralize } from '../../../shared/plural.ts';

type StatusLineProps = {
  state: 'pending' | 'error' | 'success';
  count: number;
  /** How many stories those articles make, when the feed groups them. */
  stories?: number;
  /** What is counted: articles, or saved articles. */
  noun?: string;
};

/** Always says how many articles match ("131 articles in 127 stories"); screen readers hear every change. */
export function StatusLine({ state, count, stories, noun = 'article' }: StatusLineProps) {
  return (
    <p role="status" className="status-line">
      {state === 'pending'
        ? 'Loading articles…'
        : state === 'error'
          ? 'No articles loaded'
          : stories !== undefined && stories < count
            ? `${pluralize(count, noun)} in ${pluralize(stories, 'story', 'stories')}`
            : pluralize(count, noun)}
    </p>
  );
}
