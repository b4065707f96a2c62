import { pluralize } from '../../../shared/plural.ts';

type EmptyStateProps = {
  /** Unpublished articles hidden by the toggle that would otherwise match. */
  hiddenUnpublished: number;
  topicsChosen: boolean;
  onShowUnpublished: () => void;
  onClearTopics: () => void;
};

/** What to say, and what to offer, when nothing matches. */
export function EmptyState({
  hiddenUnpublished,
  topicsChosen,
  onShowUnpublished,
  onClearTopics,
}: EmptyStateProps) {
  const what = topicsChosen ? 'No published articles in these topics.' : 'No published articles yet.';
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
      ) : topicsChosen ? (
        <p>No articles in these topics.</p>
      ) : (
        <p>No articles yet. Add Markdown files with front matter to the seeds folder.</p>
      )}
      {topicsChosen && (
        <button type="button" onClick={onClearTopics}>
          Clear topics
        </button>
      )}
    </div>
  );
}
