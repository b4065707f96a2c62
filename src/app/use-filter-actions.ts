import type { NewsIndex, TopicStat } from '../shared/data-folder.ts';
import { toggleTopic, type FeedParams } from '../features/feed/utils/feed-params.ts';
import { topicKey } from '../shared/topics.ts';
import type { FeedRequest } from '../features/feed/api/feed-selection.ts';
import { usePrefetchFeed, usePrefetchSearch } from '../features/feed/api/prefetch-feed.ts';
import type { useFeedParams } from '../features/feed/hooks/use-feed-params.ts';
import { useFillTopicsFromCache } from '../features/feed/api/topics-now.ts';
import { useLatestCallback } from '../hooks/use-latest-callback.ts';

type SetParams = ReturnType<typeof useFeedParams>[1];

/**
 * What the filters do: toggle a topic or clear them, read a topic ahead when the reader shows the
 * intent to choose it, and search (reading the index shards of the word being typed ahead).
 * The topic handlers are stable: memoised topic options and cards keep them across renders.
 */
export function useFilterActions(
  index: NewsIndex,
  params: FeedParams,
  setParams: SetParams,
  offered: readonly TopicStat[],
  request: FeedRequest,
) {
  const prefetchFeed = usePrefetchFeed(index);
  const prefetchSearch = usePrefetchSearch(index);
  const fillFromCache = useFillTopicsFromCache(index);
  /** The request after `topic` is toggled, when every topic it names is on offer. */
  const requestToggling = (topic: string): FeedRequest | undefined => {
    const known = new Map(offered.map((stat) => [topicKey(stat.name), stat]));
    const next = toggleTopic(params, topic).topics.map((name) => known.get(topicKey(name)));
    return next.every((stat): stat is TopicStat => stat !== undefined)
      ? { ...request, topics: next }
      : undefined;
  };
  const onTopic = useLatestCallback((topic: string) => {
    const next = requestToggling(topic);
    if (next) fillFromCache(next);
    setParams(toggleTopic(params, topic));
  });
  const onTopicIntent = useLatestCallback((topic: string) => {
    const next = requestToggling(topic);
    if (next) prefetchFeed(next);
  });
  const clearTopics = () => setParams({ ...params, topics: [] });
  const onSearch = (query: string) => {
    prefetchSearch(query);
    setParams({ ...params, query }, { replace: params.query !== '' && query !== '' });
  };
  return { onTopic, onTopicIntent, clearTopics, onSearch };
}
