import { useMemo } from 'react';
import type { NewsIndex } from '../shared/data-folder.ts';
import type { FeedParams } from '../features/feed/utils/feed-params.ts';
import type { SearchQuery } from '../lib/search-query.ts';
import type { FeedRequest } from '../features/feed/api/feed-selection.ts';
import type { Waiting } from '../features/feed/hooks/use-feed.ts';
import type { Marks } from '../features/marks/api/marks.ts';
import { useTopicChoices } from '../features/topics/api/topic-stats.ts';
import { useHiddenRead } from './use-hidden-read.ts';

const noTopics: FeedRequest['topics'] = [];

/**
 * What the reader asks the feed for, from the URL's choices: the view, the topics on offer and
 * chosen, the request itself, and what it still waits for (the full topic list when the URL names
 * a topic the index lacks; the read articles' ranks when "Hide read" is on).
 */
export function useReaderRequest(
  index: NewsIndex,
  params: FeedParams,
  search: SearchQuery,
  showAllTopics: boolean,
  { marks, marksLoaded }: { marks: Marks; marksLoaded: boolean },
) {
  const view = params.showUnpublished ? 'all' : 'published';
  const choices = useTopicChoices(index, view, params.topics, showAllTopics);
  const hiddenRead = useHiddenRead(index, params.hideRead, marks, marksLoaded);
  const { hidden } = hiddenRead;
  const request: FeedRequest = useMemo(
    () => ({
      view,
      topics: choices.selected ?? noTopics,
      search: search.clauses,
      group: params.groupStories,
      sort: params.sort,
      ...(hidden ? { hidden } : {}),
    }),
    [view, choices.selected, search, params.groupStories, params.sort, hidden],
  );
  const waiting: Waiting = {
    pending: choices.selected === undefined || hiddenRead.pending,
    ...(hiddenRead.error ? { error: hiddenRead.error } : {}),
    ...(hiddenRead.retry ? { retry: hiddenRead.retry } : {}),
  };
  return { view, choices, request, waiting } as const;
}
