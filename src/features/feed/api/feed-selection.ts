import {
  keepPreviousData,
  queryOptions,
  useQuery,
  useQueryClient,
  type QueryClient,
} from '@tanstack/react-query';
import {
  dataPath,
  type NewsIndex,
  type TopicRanks,
  type TopicStat,
  type View,
} from '../../../shared/data-folder.ts';
import { isMissing, readAll, type Missing, type Peek } from '../../../shared/feed-stream.ts';
import {
  flaggedRanks,
  intersectFlags,
  rankListFlags,
  splitPublished,
  type Selection,
} from '../../../shared/ranks.ts';
import { countStories, storyKeys, type StoryRanks } from '../../../shared/story-ranks.ts';
import type { searchFlagsNow, shardsStarting } from '../../../shared/search-index.ts';
import { loadDataFile, peekDataFile } from '../../../lib/data-file.ts';

/**
 * The selection of a request: which articles several topics or a search match, as ranks, and how
 * many there are in each view. One topic or none is counted by the index itself.
 */

/** What the reader asked for, with topics already resolved to their ids and counts. */
export type FeedRequest = {
  view: View;
  topics: readonly TopicStat[];
  words: readonly string[];
  /** One card per story (see readFeed), or one per article. */
  group: boolean;
};

/** Several topics or a search need rank lists to count; one topic or none is counted by the index. */
export const needsSelection = (request: FeedRequest) => request.words.length > 0 || request.topics.length > 1;

const topicIds = (topics: readonly TopicStat[]) => topics.map((topic) => topic.id).sort((a, b) => a - b);

type SearchModule = { searchFlagsNow: typeof searchFlagsNow; shardsStarting: typeof shardsStarting };
/** The search code, once its chunk has loaded: from then on a search can answer synchronously. */
let searchModule: SearchModule | undefined;
export const loadSearch = async (): Promise<SearchModule> =>
  (searchModule ??= await import('../../../shared/search-index.ts'));

/** Data files from the query cache only: never a fetch. */
export const cachePeek =
  (client: QueryClient, index: NewsIndex): Peek<unknown> =>
  (file) =>
    peekDataFile(client, index.base, file);

/** What a selection depends on: topic ids, search words. */
type SelectionKey = { ids: number[]; words: readonly string[]; anyTopic: boolean };

const selectionKey = (request: FeedRequest): SelectionKey => ({
  ids: topicIds(request.topics).filter((id) => id >= 0),
  words: request.words,
  anyTopic: request.topics.length > 0,
});

/**
 * What the reader needs of a selection: how many articles and stories it holds in each view, and,
 * for a search (whose feed is read rank by rank from the full feed's files), its ranks. The feed
 * of several topics is read from their own files.
 */
type Matching = { size: Record<View, number>; storyCount: Record<View, number>; ranks?: Selection };

/** The selection, from files at hand (`peek`); or what is missing to work it out. */
function selectionFrom(
  index: NewsIndex,
  { ids, words, anyTopic }: SelectionKey,
  peek: Peek<unknown>,
  search: SearchModule | undefined,
): Matching | Missing {
  const size = index.count.all;
  const files = [dataPath.stories, ...ids.map((id) => dataPath.topicRanks(id))];
  const [stories, ...ranks] = files.map((file) => peek(file));
  const found = search && words.length > 0 ? search.searchFlagsNow(index, words, peek) : undefined;
  const missing = [
    ...files.filter((_, i) => !(i === 0 ? stories : ranks[i - 1])),
    ...(isMissing(found) ? found.missing : []),
  ];
  if (missing.length > 0) return { missing };
  const inTopics = (view: View) =>
    rankListFlags(
      size,
      ranks.map((list) => (list as TopicRanks)[view]),
    );
  let selected: Selection;
  if (!found || isMissing(found)) {
    selected = { all: flaggedRanks(inTopics('all')), published: flaggedRanks(inTopics('published')) };
  } else {
    const { matching, published } = found;
    if (anyTopic) intersectFlags(matching, inTopics('all'));
    selected = splitPublished(matching, published);
  }
  const keys = keysOf(stories as StoryRanks, size);
  return {
    size: { all: selected.all.length, published: selected.published.length },
    storyCount: { all: countStories(selected.all, keys), published: countStories(selected.published, keys) },
    ...(found ? { ranks: selected } : {}),
  };
}

const storyKeysMemo = new WeakMap<StoryRanks, Uint32Array>();
/** The story keys of a build's `stories.json`, worked out once per file. */
function keysOf(stories: StoryRanks, size: number): Uint32Array {
  const keys = storyKeysMemo.get(stories) ?? storyKeys(size, stories);
  storyKeysMemo.set(stories, keys);
  return keys;
}

/** The articles matching several topics and/or a search, as ranks, in both views. */
export const selectionQuery = (index: NewsIndex, request: FeedRequest) => {
  const key = selectionKey(request);
  return queryOptions({
    queryKey: ['news', index, 'selection', key],
    staleTime: Infinity,
    queryFn: async ({ client }): Promise<Matching> => {
      // The search index is its own chunk, loaded with the first search.
      const search = key.words.length > 0 ? await loadSearch() : undefined;
      return readAll(
        (peek) => selectionFrom(index, key, peek, search),
        (file) => loadDataFile<unknown>(client, index.base, file),
      );
    },
  });
};

/**
 * The selection at once, when every file it needs is cached already; else undefined. Queries
 * start with it (`initialData`): no await, no loading state, the same render.
 */
export function selectionNow(
  client: QueryClient,
  index: NewsIndex,
  request: FeedRequest,
): Matching | undefined {
  const cached = client.getQueryData(selectionQuery(index, request).queryKey);
  if (cached) return cached;
  const key = selectionKey(request);
  if (key.words.length > 0 && !searchModule) return undefined;
  const now = selectionFrom(index, key, cachePeek(client, index), searchModule);
  return isMissing(now) ? undefined : now;
}

export type FeedCount =
  | { status: 'pending' }
  | { status: 'error'; error: Error; retry: () => void }
  | {
      status: 'success';
      count: number;
      /** The stories those articles make. */
      stories: number;
      hiddenUnpublished: number;
      /** Still the previous selection's. */ stale: boolean;
    };

/** How many articles match, and how many more would if unpublished ones were shown. */
export function useFeedCount(index: NewsIndex, request: FeedRequest): FeedCount {
  const client = useQueryClient();
  const selection = useQuery({
    ...selectionQuery(index, request),
    // Not for a count the index gives (one topic or none): the query is disabled then, but react-query
    // would still compute its initial data.
    initialData: () => (needsSelection(request) ? selectionNow(client, index, request) : undefined),
    enabled: needsSelection(request),
    placeholderData: keepPreviousData,
  });
  const both = (size: Record<View, number>, stories: Record<View, number>): FeedCount => ({
    status: 'success',
    count: size[request.view],
    stories: stories[request.view],
    hiddenUnpublished: size.all - size[request.view],
    stale: needsSelection(request) && selection.isPlaceholderData,
  });
  if (!needsSelection(request)) {
    const [topic] = request.topics;
    return topic ? both(topic, topic.storyCount) : both(index.count, index.storyCount);
  }
  if (selection.data) return both(selection.data.size, selection.data.storyCount);
  return selection.error
    ? { status: 'error', error: selection.error, retry: () => void selection.refetch() }
    : { status: 'pending' };
}
