import { useCallback, useMemo, useRef, useState } from 'react';
import type { ArticleSummary } from '../shared/article-schema.ts';
import { parseSearchQuery } from '../shared/search-query.ts';
import { topicKey } from '../shared/topics.ts';
import { type TopicStat } from '../shared/data-folder.ts';
import { toggleTopic } from '../shared/feed-params.ts';
import { ViewControls } from './view-controls.tsx';
import { usePrefetchRelated } from '../features/related/api/related-query.ts';
import { SearchBox } from '../features/search/components/search-box.tsx';
import { useTopicChoices } from '../features/topics/api/topic-stats.ts';
import { TopicFilter } from '../features/topics/components/topic-filter.tsx';
import { useFeedCount, type FeedRequest } from '../features/feed/api/feed-selection.ts';
import { useFeedPages } from '../features/feed/api/feed-pages.ts';
import { usePrefetchFeed, usePrefetchSearch, useWarmUp } from '../features/feed/api/prefetch-feed.ts';
import { useLiveSeeds, useNewsIndex } from '../lib/news-index.ts';
import { useFeedParams } from '../features/feed/hooks/use-feed-params.ts';
import { useNow } from '../hooks/use-now.ts';
import { FeedCard } from './feed-card.tsx';
import { EmptyState } from '../features/feed/components/empty-state.tsx';
import { useLatestCallback } from '../hooks/use-latest-callback.ts';
import { FeedList, type FeedListHandle } from '../features/feed/components/feed-list.tsx';
import { SavedFeed } from './saved-feed.tsx';
import { useReaderMarks } from './use-reader-marks.ts';
import { useHiddenRead } from './use-hidden-read.ts';
import { LoadError } from '../features/feed/components/load-error.tsx';
import { StatusLine } from '../features/feed/components/status-line.tsx';
import { ReaderTools } from './reader-tools.tsx';
import { useMediaQuery } from '../hooks/use-media-query.ts';
import { usePageLoaded } from '../hooks/use-page-loaded.ts';

const noTopics: FeedRequest['topics'] = [];

type ReaderPageProps = {
  /** Fetch likely next views ahead once the first screen is up (see useWarmUp); tests turn it off. */
  warmUp?: boolean;
};

/**
 * The reader, composed of the features: search and topic filter beside a newest-first feed of
 * cards with their related coverage, all driven by the URL.
 */
export function ReaderPage({ warmUp = true }: ReaderPageProps) {
  useLiveSeeds();
  const index = useNewsIndex();
  const [params, setParams] = useFeedParams();
  const [showAllTopics, setShowAllTopics] = useState(false);
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(() => new Set());
  const list = useRef<FeedListHandle>(null);
  const now = useNow();
  // Phones show the feed right after the filters, and the tools after the feed.
  const wide = useMediaQuery('(min-width: 860px)');
  // Cards show their pictures large from 640 px; on phones, as thumbnails (see styles.css).
  const largePictures = useMediaQuery('(min-width: 640px)');
  const view = params.showUnpublished ? 'all' : 'published';
  const group = params.groupStories;
  const choices = useTopicChoices(index, view, params.topics, showAllTopics);
  const search = useMemo(() => parseSearchQuery(params.query), [params.query]);
  const { marks, marksLoaded, onMark, saved, savedCount } = useReaderMarks(index, search, params.topics);
  const hiddenRead = useHiddenRead(index, params.hideRead, marks, marksLoaded);
  const { hidden } = hiddenRead;
  const request: FeedRequest = useMemo(
    () => ({
      view,
      topics: choices.selected ?? noTopics,
      search: search.clauses,
      group,
      sort: params.sort,
      ...(hidden ? { hidden } : {}),
    }),
    [view, choices.selected, search, group, params.sort, hidden],
  );
  const ready = choices.selected !== undefined && !hiddenRead.pending && !hiddenRead.error;
  const count = useFeedCount(index, request);
  const pages = useFeedPages(index, request, ready && !params.savedOnly);
  const articles = useMemo(() => pages.data?.pages.flatMap((page) => page.articles) ?? [], [pages.data]);
  const shown = params.savedOnly ? saved : articles;

  /** The request after `topic` is toggled, when every topic it names is on offer. */
  const requestToggling = (topic: string): FeedRequest | undefined => {
    const known = new Map(choices.offered.map((stat) => [topicKey(stat.name), stat]));
    const next = toggleTopic(params, topic).topics.map((name) => known.get(topicKey(name)));
    return next.every((stat): stat is TopicStat => stat !== undefined)
      ? { ...request, topics: next }
      : undefined;
  };
  // Stable handlers: memoised topic options and cards keep them across renders.
  const onTopic = useLatestCallback((topic: string) => setParams(toggleTopic(params, topic)));
  const prefetch = usePrefetchFeed(index);
  const onTopicIntent = useLatestCallback((topic: string) => {
    const next = requestToggling(topic);
    if (next) prefetch(next);
  });
  const clearTopics = () => setParams({ ...params, topics: [] });
  const showUnpublished = (show: boolean) => setParams({ ...params, showUnpublished: show });

  const prefetchSearch = usePrefetchSearch(index);
  const onSearch = (query: string) => {
    prefetchSearch(query);
    setParams({ ...params, query }, { replace: params.query !== '' && query !== '' });
  };
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = pages;
  const onNeedMore = useCallback(() => {
    if (hasNextPage && !isFetchingNextPage) void fetchNextPage();
  }, [hasNextPage, isFetchingNextPage, fetchNextPage]);
  const prefetchRelated = usePrefetchRelated(index);
  const toggleRelated = useCallback((id: string) => {
    setExpanded((open) => {
      const next = new Set(open);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  }, []);

  const error = hiddenRead.error ?? pages.error ?? (count.status === 'error' ? count.error : null);
  const state = error
    ? 'error'
    : !ready || count.status === 'pending' || pages.isPending
      ? 'pending'
      : 'success';
  const total = count.status === 'success' ? count.count : 0;
  const cards = count.status === 'success' && group ? count.stories : total;
  const pageLoaded = usePageLoaded();
  useWarmUp(index, request, choices.offered, warmUp && pageLoaded && state === 'success');
  // Set once, when the first cards (or the saved ones) are shown; never unset.
  const [firstScreenShown, setFirstScreenShown] = useState(false);
  if (!firstScreenShown && (state !== 'pending' || params.savedOnly)) setFirstScreenShown(true);
  // The list on screen is the previous one while the next loads: say so, and dim it.
  const stale = count.status === 'success' && (pages.isPlaceholderData || count.stale);
  const renderArticle = (article: ArticleSummary, position: number) => (
    <FeedCard
      article={article}
      first={position === 0 && largePictures}
      holdImage={!pageLoaded && !(position === 0 && largePictures)}
      now={now}
      selectedTopics={params.topics}
      onTopic={onTopic}
      expanded={expanded.has(article.id)}
      onToggleRelated={toggleRelated}
      onRelatedIntent={prefetchRelated}
      showStory={group}
      read={marks.get(article.url)?.readAt !== undefined}
      saved={marks.get(article.url)?.saved !== undefined}
      onMark={onMark}
    />
  );

  const tools = (
    <ReaderTools
      index={index}
      selected={choices.selected}
      view={view}
      load={firstScreenShown && pageLoaded}
      list={list}
      articles={shown}
      onToggleRelated={toggleRelated}
      onMark={onMark}
    />
  );

  return (
    <div className="layout">
      <aside className="sidebar" aria-label="Filters">
        <SearchBox
          query={params.query}
          onChange={onSearch}
          hints={[...search.hints, ...(count.status === 'success' ? count.hints : [])]}
        />
        <TopicFilter
          topics={choices.offered.map((topic) => ({ name: topic.name, count: topic[view] }))}
          selected={params.topics}
          onToggle={onTopic}
          onClear={clearTopics}
          more={choices.more}
          showingAll={showAllTopics}
          loading={choices.loadingAll}
          onShowAll={setShowAllTopics}
          onIntent={onTopicIntent}
        />
        {wide && tools}
      </aside>
      <main id="main" className="feed" tabIndex={-1} aria-busy={state === 'pending' || stale}>
        <div className="toolbar">
          {params.savedOnly ? (
            <StatusLine state="success" count={saved.length} noun="saved article" />
          ) : (
            <StatusLine
              state={state}
              count={total}
              stories={group ? cards : undefined}
              hiddenRead={params.hideRead && count.status === 'success' ? count.hiddenRead : undefined}
            />
          )}
          <ViewControls
            params={params}
            onChange={setParams}
            savedCount={savedCount}
            unpublishedCount={index.count.all - index.count.published}
          />
        </div>
        {error && (
          <LoadError
            error={error}
            retrying={pages.isFetching || count.status === 'pending'}
            onRetry={() =>
              hiddenRead.retry
                ? hiddenRead.retry()
                : pages.isError
                  ? void pages.refetch()
                  : count.status === 'error' && count.retry()
            }
          />
        )}
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
          (total === 0 ? (
            <EmptyState
              hiddenUnpublished={count.status === 'success' ? count.hiddenUnpublished : 0}
              hiddenRead={count.status === 'success' ? count.hiddenRead : 0}
              onShowRead={() => setParams({ ...params, hideRead: false })}
              topicsChosen={params.topics.length > 0}
              query={search.clauses.length > 0 ? params.query : ''}
              onShowUnpublished={() => showUnpublished(true)}
              onClear={(filter) => (filter === 'search' ? onSearch('') : clearTopics())}
            />
          ) : (
            <FeedList
              ref={list}
              stale={stale}
              articles={articles}
              total={cards}
              hasMore={hasNextPage}
              onNeedMore={onNeedMore}
              listKey={JSON.stringify([view, params.topics, search.clauses, group, params.sort, hidden])}
              renderArticle={renderArticle}
            />
          ))}
      </main>
      {!wide && (
        <aside className="tools" aria-label="Tools">
          {tools}
        </aside>
      )}
    </div>
  );
}
