import type { ReactNode, Ref } from 'react';
import type { ArticleSummary } from '../shared/article-schema.ts';
import { FeedList, type FeedListHandle } from '../features/feed/components/feed-list.tsx';

type SavedFeedProps = {
  /** The saved articles matching the filters, the last saved first. */
  articles: readonly ArticleSummary[];
  /** Whether the reader has saved anything at all. */
  anySaved: boolean;
  listKey: string;
  renderArticle: (article: ArticleSummary, position: number) => ReactNode;
  ref?: Ref<FeedListHandle>;
};

/** The Saved view: the reader's saved articles, as they were when saved. */
export function SavedFeed({ articles, anySaved, listKey, renderArticle, ref }: SavedFeedProps) {
  if (articles.length === 0) {
    return (
      <div className="empty-state">
        <p>
          {anySaved
            ? 'No saved article matches the search and topics.'
            : 'Nothing saved yet: “Save” on a card (or the s key) keeps it here, on this device.'}
        </p>
      </div>
    );
  }
  return (
    <FeedList
      ref={ref}
      stale={false}
      articles={articles}
      total={articles.length}
      hasMore={false}
      onNeedMore={() => undefined}
      listKey={listKey}
      renderArticle={renderArticle}
    />
  );
}
