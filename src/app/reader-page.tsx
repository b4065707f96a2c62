import { useMemo, useRef, useState } from 'react';
import { parseSearchQuery } from '../lib/search-query.ts';
import { SearchBox } from '../features/search/components/search-box.tsx';
import { TopicFilter } from '../features/topics/components/topic-filter.tsx';
import { useWarmUp } from '../features/feed/api/prefetch-feed.ts';
import type { FeedListHandle } from '../features/feed/components/feed-list.tsx';
import { useFeed } from '../features/feed/hooks/use-feed.ts';
import { useFeedParams } from '../features/feed/hooks/use-feed-params.ts';
import { useLiveSeeds, useNewsIndex } from '../lib/news-index.ts';
import { useMediaQuery } from '../hooks/use-media-query.ts';
import { usePageLoaded } from '../hooks/use-page-loaded.ts';
import { FeedView } from './feed-view.tsx';
import { StoryFocus } from './story-focus.tsx';
import { ReaderTools } from './reader-tools.tsx';
import { useCardRenderer } from './use-card-renderer.tsx';
import { useFilterActions } from './use-filter-actions.ts';
import { useReaderMarks } from './use-reader-marks.ts';
import { useReaderRequest } from './use-reader-request.ts';

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
  const list = useRef<FeedListHandle>(null);
  // Phones show the feed right after the filters, and the tools after the feed.
  const wide = useMediaQuery('(min-width: 860px)');
  const pageLoaded = usePageLoaded();
  const search = useMemo(() => parseSearchQuery(params.query), [params.query]);
  const marks = useReaderMarks(index, search, params.topics);
  const { view, choices, request, waiting } = useReaderRequest(index, params, search, showAllTopics, marks);
  const feed = useFeed(index, request, waiting, !params.savedOnly);
  const actions = useFilterActions(index, params, setParams, choices.offered, request);
  const { renderArticle, toggleRelated, openRelated } = useCardRenderer(index, {
    selectedTopics: params.topics,
    onTopic: actions.onTopic,
    group: params.groupStories,
    marks: marks.marks,
    onMark: marks.onMark,
    pageLoaded,
  });
  useWarmUp(index, request, choices.offered, warmUp && pageLoaded && feed.state === 'success');
  // Set once, when the first cards (or the saved ones) are shown; never unset.
  const [firstScreenShown, setFirstScreenShown] = useState(false);
  if (!firstScreenShown && (feed.state !== 'pending' || params.savedOnly)) setFirstScreenShown(true);

  const tools = (
    <ReaderTools
      index={index}
      selected={choices.selected}
      view={view}
      load={firstScreenShown && pageLoaded}
      list={list}
      articles={params.savedOnly ? marks.saved : feed.articles}
      onToggleRelated={toggleRelated}
      onMark={marks.onMark}
    />
  );
  return (
    <div className="layout">
      <aside className="sidebar" aria-label="Filters">
        <SearchBox
          query={params.query}
          onChange={actions.onSearch}
          hints={[...search.hints, ...(feed.found?.hints ?? [])]}
        />
        <TopicFilter
          topics={choices.offered.map((topic) => ({ name: topic.name, count: topic[view] }))}
          selected={params.topics}
          onToggle={actions.onTopic}
          onClear={actions.clearTopics}
          more={choices.more}
          showingAll={showAllTopics}
          loading={choices.loadingAll}
          onShowAll={setShowAllTopics}
          onIntent={actions.onTopicIntent}
        />
        {wide && tools}
      </aside>
      <FeedView
        params={params}
        onParams={setParams}
        search={search}
        request={request}
        feed={feed}
        saved={marks.saved}
        savedCount={marks.savedCount}
        unpublishedCount={index.count.all - index.count.published}
        renderArticle={renderArticle}
        onSearch={actions.onSearch}
        onClearTopics={actions.clearTopics}
        list={list}
        story={
          params.story !== '' && !params.savedOnly ? (
            <StoryFocus
              index={index}
              id={params.story}
              renderArticle={renderArticle}
              openRelated={openRelated}
              onClose={() => setParams({ ...params, story: '' })}
            />
          ) : null
        }
      />
      {!wide && (
        <aside className="tools" aria-label="Tools">
          {tools}
        </aside>
      )}
    </div>
  );
}
