import { useCallback } from 'react';
import {
  infiniteQueryOptions,
  keepPreviousData,
  queryOptions,
  useInfiniteQuery,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import {
  dataPath,
  type DataPage,
  type NewsIndex,
  type TopicRanks,
  type TopicStat,
  type View,
} from '../../../shared/feed-data.ts';
import {
  readMerged,
  readRanks,
  type Load,
  type MergeCursor,
  type RankCursor,
  type Source,
  type StreamPage,
} from '../../../shared/feed-stream.ts';
import {
  flaggedRanks,
  intersectFlags,
  splitPublished,
  rankListFlags,
  type Selection,
} from '../../../shared/ranks.ts';
import { dataFileQuery, loadDataFile } from './data-files.ts';

/** What the reader asked for, with topics already resolved to their ids and counts. */
export type FeedRequest = { view: View; topics: readonly TopicStat[]; words: readonly string[] };

/** Several topics or a search need rank lists to count; one topic or none is counted by the index. */
const needsSelection = (request: FeedRequest) => request.words.length > 0 || request.topics.length > 1;

const topicIds = (topics: readonly TopicStat[]) => topics.map((topic) => topic.id).sort((a, b) => a - b);

/** The articles matching several topics and/or a search, as ranks, in both views. */
const selectionQuery = (index: NewsIndex, request: FeedRequest) => {
  const ids = topicIds(request.topics).filter((id) => id >= 0);
  const { words } = request;
  const searching = words.length > 0;
  const anyTopic = request.topics.length > 0;
  return queryOptions({
    queryKey: ['news', index, 'selection', ids, words, searching, anyTopic],
    staleTime: Infinity,
    queryFn: async ({ client }): Promise<Selection> => {
      const size = index.count.a;
      const ranks = await Promise.all(
        ids.map((id) =>
          Promise.resolve(loadDataFile<TopicRanks>(client, index.base, dataPath.topicRanks(id))),
        ),
      );
      const inTopics = (view: View) =>
        rankListFlags(
          size,
          ranks.map((list) => list[view]),
        );
      if (!searching) return { a: flaggedRanks(inTopics('a')), p: flaggedRanks(inTopics('p')) };
      // The search index is its own chunk, loaded with the first search.
      const { searchFlags } = await import('../../search/api/search-index.ts');
      const { matching, published } = await searchFlags(client, index, words);
      if (anyTopic) intersectFlags(matching, inTopics('a'));
      return splitPublished(matching, published);
    },
  });
};

export type FeedCount =
  | { status: 'pending' }
  | { status: 'error'; error: Error; retry: () => void }
  | {
      status: 'success';
      count: number;
      hiddenUnpublished: number;
      /** Still the previous selection's. */ stale: boolean;
    };

/** How many articles match, and how many more would if unpublished ones were shown. */
export function useFeedCount(index: NewsIndex, request: FeedRequest): FeedCount {
  const selection = useQuery({
    ...selectionQuery(index, request),
    enabled: needsSelection(request),
    placeholderData: keepPreviousData,
  });
  const both = (p: number, a: number): FeedCount => ({
    status: 'success',
    count: request.view === 'p' ? p : a,
    hiddenUnpublished: request.view === 'p' ? a - p : 0,
    stale: needsSelection(request) && selection.isPlaceholderData,
  });
  if (!needsSelection(request)) {
    const [topic] = request.topics;
    return topic ? both(topic.p, topic.a) : both(index.count.p, index.count.a);
  }
  if (selection.data) return both(selection.data.p.length, selection.data.a.length);
  return selection.error
    ? { status: 'error', error: selection.error, retry: () => void selection.refetch() }
    : { status: 'pending' };
}

type Cursor = MergeCursor | RankCursor;

/** Articles in the first read (a screenful) and in each later one. */
const firstRead = 6;
const laterReads = 24;

/**
 * The feed for `request`, page by page (react-query's infinite query): a merged read of the
 * topics' own pages (or of the full feed), or, for a search, the matching ranks read from the
 * full feed's pages. Each page is a data file fetched once and shared by every view.
 */
/**
 * Starts loading what `request` would show, before the reader asks for it (a pointer resting on a
 * topic, a topic reached with the keyboard), so that the click answers from memory.
 */
export function usePrefetchFeed(index: NewsIndex): (request: FeedRequest) => void {
  const client = useQueryClient();
  return useCallback(
    (request: FeedRequest) => {
      // A failure here is not shown: the real query meets it again, and says so.
      const ignore = () => undefined;
      if (needsSelection(request)) client.query(selectionQuery(index, request)).catch(ignore);
      // The first file of each source: the first read finds it in the cache.
      if (request.words.length > 0) return;
      const files =
        request.topics.length === 0
          ? [dataPath.page(0)]
          : request.topics.map((t) => dataPath.topicPage(t.id, 0));
      for (const file of files) client.query(dataFileQuery(index.base, file)).catch(ignore);
    },
    [client, index],
  );
}

export function useFeedPages(index: NewsIndex, request: FeedRequest, enabled = true) {
  return useInfiniteQuery({ ...feedPagesQuery(index, request), enabled, placeholderData: keepPreviousData });
}

const feedPagesQuery = (index: NewsIndex, request: FeedRequest) => {
  const initial: Cursor =
    request.words.length > 0 ? { kind: 'ranks', offset: 0 } : { kind: 'merge', consumed: [] };
  return infiniteQueryOptions({
    queryKey: ['news', index, 'feed', request],
    staleTime: Infinity,
    queryFn: async ({ pageParam, client }): Promise<StreamPage<Cursor>> => {
      const load: Load = (file) => loadDataFile<DataPage>(client, index.base, file);
      // The first read fills the first screen from one small file; later ones read further ahead.
      const first = pageParam.kind === 'ranks' ? pageParam.offset === 0 : pageParam.consumed.length === 0;
      const want = first ? firstRead : laterReads;
      if (pageParam.kind === 'ranks') {
        const selection = await client.query(selectionQuery(index, request));
        return readRanks(selection[request.view], pageParam, want, index.pageSize, dataPath.page, load);
      }
      const sources: Source[] =
        request.topics.length === 0
          ? [{ count: index.count.a, file: dataPath.page }]
          : request.topics.map((topic) => ({
              count: topic.a,
              file: (page) => dataPath.topicPage(topic.id, page),
            }));
      return readMerged(sources, request.view, pageParam, want, index.pageSize, load);
    },
    initialPageParam: initial,
    getNextPageParam: (last) => last.next,
  });
};
