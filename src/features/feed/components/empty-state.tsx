import { pluralize } from '../../../lib/plural.ts';

type EmptyStateProps = {
  /** Unpublished articles hidden by the toggle that would otherwise match. */
  hiddenUnpublished: number;
  /** Read articles "Hide read" leaves out that would otherwise match. */
  hiddenRead: number;
  onShowRead: () => void;
  topicsChosen: boolean;
  /** The search, when there is one. */
  query: string;
  onShowUnpublished: () => void;
  /** Clears the search or the topics: what the reader narrowed the feed by. */
  onClear: (filter: 'search' | 'topics') => void;
};

/** What to say, and what to offer, when nothing matches. */
export function EmptyState({
  hiddenUnpublished,
  hiddenRead,
  onShowRead,
  topicsChosen,
  query,
  onShowUnpublished,
  onClear,
}: EmptyStateProps) {
  if (hiddenRead > 0) {
    return (
      <div className="empty-state">
        <p>
          {hiddenRead === 1
            ? 'The one article here is read'
            : `All ${pluralize(hiddenRead, 'article')} here are read`}
          , and read articles are hidden.
        </p>
        <button type="button" onClick={onShowRead}>
          Show read articles
        </button>
      </div>
    );
  }
  const searching = query.trim() !== '';
  const where = topicsChosen ? ' in these topics' : '';
  const what = searching
    ? `No published articles match “${query.trim()}”${where}.`
    : topicsChosen
      ? 'No published articles in these topics.'
      : 'No published articles yet.';
  return (
    <div className="empty-state">
      {hiddenUnpublished > 0 ? (
        <>
          <p>
            {what} {pluralize(hiddenUnpublished, 'unpublished article')}{' '}
            {hiddenUnpublished === 1 ? 'is' : 'are'} hidden.
          </p>
          <button type="button" onClick={onShowUnpublished}>
            Reveal {pluralize(hiddenUnpublished, 'unpublished article')}
          </button>
        </>
      ) : searching ? (
        <p>
          No articles match “{query.trim()}”{where}.
        </p>
      ) : topicsChosen ? (
        <p>No articles in these topics.</p>
      ) : (
        <p>No articles yet. Add Markdown files with front matter to the seeds folder.</p>
      )}
      {searching && (
        <button type="button" onClick={() => onClear('search')}>
          Clear search
        </button>
      )}
      {topicsChosen && (
        <button type="button" onClick={() => onClear('topics')}>
          Clear topics
        </button>
      )}
    </div>
  );
}
