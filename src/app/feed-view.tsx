import type { ReactNode, Ref } from 'react';
import type { ArticleSummary } from '../shared/article-schema.ts';
import type { FeedParams } from '../features/feed/utils/feed-params.ts';
import type { SearchQuery } from '../lib/search-query.ts';
import { EmptyState } from '../features/feed/components/empty-state.tsx';
import { FeedList, type FeedListHandle } from '../features/feed/components/feed-list.tsx';
import { LoadError } from '../features/feed/components/load-error.tsx';
import { StatusLine } from '../features/feed/components/status-line.tsx';
import type { FeedRequest } from '../features/feed/api/feed-selection.ts';
import type { Feed } from '../features/feed/hooks/use-feed.ts';
import { SavedFeed } from './saved-feed.tsx';
import { ViewControls } from './view-controls.tsx';

type FeedViewProps = {
  params: FeedParams;
  onParams: (params: FeedParams) => void;
  search: SearchQuery;
  request: FeedRequest;
  feed: Feed;
  /** The saved articles the filters match (the Saved view), and how many are saved in all. */
  saved: readonly ArticleSummary[];
  savedCount: number;
  unpublishedCount: number;
  renderArticle: (article: ArticleSummary, position: number) => ReactNode;
  onSearch: (query: string) => void;
  onClearTopics: () => void;
  list: Ref<FeedListHandle>;
  /** The story a link named, shown first (see StoryFocus). */
  story?: ReactNode;
};

/**
 * The main column: what is shown and how (status line and view controls), then the feed, the
 * Saved view, a loading or empty state, or what went wrong.
 */
export function FeedView({ params, onParams, search, feed, saved, savedCount, ...rest }: FeedViewProps) {
  const { request, unpublishedCount, renderArticle, onSearch, onClearTopics, list, story } = rest;
  const { state, found, stale } = feed;
  const group = params.groupStories;
  return (
    <main id="main" className="feed" tabIndex={-1} aria-busy={state === 'pending' || stale}>
      <div className="toolbar">
        {params.savedOnly ? (
          <StatusLine state="success" count={saved.length} noun="saved article" />
        ) : (
          <StatusLine
            state={state}
            count={feed.total}
            stories={group ? feed.cards : undefined}
            hiddenRead={params.hideRead ? found?.hiddenRead : undefined}
          />
        )}
        <ViewControls
          params={params}
          onChange={onParams}
          savedCount={savedCount}
          unpublishedCount={unpublishedCount}
        />
      </div>
      {story}
      {feed.error && <LoadError error={feed.error} retrying={feed.retrying} onRetry={feed.retry} />}
      {params.savedOnly && (
        <SavedFeed
          ref={list}
          articles={saved}
          anySaved={savedCount > 0}
          listKey={JSON.stringify(['saved', params.topics, search.clauses])}
          renderArticle={renderArticle}
        />
      )}
      {!params.savedOnly && state === 'pending' && <div className="skeleton" aria-hidden="true" />}
      {!params.savedOnly &&
        state === 'success' &&
        (feed.total === 0 ? (
          <EmptyState
            hiddenUnpublished={found?.hiddenUnpublished ?? 0}
            hiddenRead={found?.hiddenRead ?? 0}
            onShowRead={() => onParams({ ...params, hideRead: false })}
            topicsChosen={params.topics.length > 0}
            query={search.clauses.length > 0 ? params.query : ''}
            onShowUnpublished={() => onParams({ ...params, showUnpublished: true })}
            onClear={(filter) => (filter === 'search' ? onSearch('') : onClearTopics())}
          />
        ) : (
          <FeedList
            ref={list}
            stale={stale}
            articles={feed.articles}
            total={feed.cards}
            hasMore={feed.hasMore}
            onNeedMore={feed.onNeedMore}
            listKey={JSON.stringify([
              request.view,
              params.topics,
              search.clauses,
              request.group,
              request.sort,
              request.hidden,
            ])}
            renderArticle={renderArticle}
          />
        ))}
    </main>
  );
}
