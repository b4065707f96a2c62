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
  type SearchBase,
  type TopicKeys,
  type TopicStat,
  type View,
} from '../../../shared/data-folder.ts';
import { isMissing, readAll, type Missing, type Peek } from '../../../shared/feed-stream.ts';
import {
  flagsFromBits,
  intersectFlags,
  rankFlags,
  splitPublished,
  type Selection,
} from '../../../shared/ranks.ts';
import { countStories, storyOfRanks, type StoryKeys } from '../../../shared/story-ranks.ts';
import type { queryFlagsNow, shardsStarting } from '../../../shared/search-index.ts';
import type { SearchClause } from '../../../shared/search-query.ts';
import type { SortOrder } from '../../../shared/feed-params.ts';
import { loadDataFile, peekDataFile } from '../../../lib/data-file.ts';
import { hiddenFlags } from './hidden-ranks.ts';

/**
 * The selection of a request: which articles several topics or a search match, as ranks, and how
 * many there are in each view. One topic or none is counted by the index itself.
 */

/** What the reader asked for, with topics already resolved to their ids and counts. */
export type FeedRequest = {
  view: View;
  topics: readonly TopicStat[];
  /** The search, as read (see search-query.ts); empty for none. */
  search: readonly SearchClause[];
  /** One card per story (see readFeed), or one per article. */
  group: boolean;
  /** "Hide read": the key of the read articles to leave out (see hidden-ranks.ts). */
  hidden?: string;
  sort: SortOrder;
};

/**
 * Topics, a search or hidden read articles are read through their rank lists (a card is stored
 * once, in the full feed's pages); the full feed alone is counted by the index.
 */
export const needsSelection = (request: FeedRequest) =>
  request.search.length > 0 || request.topics.length > 0 || request.hidden !== undefined;

/** The full feed, or one topic, with no search and nothing hidden: counted by the index, at once. */
const countedByIndex = (request: FeedRequest) =>
  request.search.length === 0 && request.hidden === undefined && request.topics.length <= 1;

const topicIds = (topics: readonly TopicStat[]) => topics.map((topic) => topic.id).sort((a, b) => a - b);

type SearchModule = { queryFlagsNow: typeof queryFlagsNow; shardsStarting: typeof shardsStarting };
/** The search code, once its chunk has loaded: from then on a search can answer synchronously. */
let searchModule: SearchModule | undefined;
export const loadSearch = async (): Promise<SearchModule> =>
  (searchModule ??= await import('../../../shared/search-index.ts'));

/** Data files from the query cache only: never a fetch. */
export const cachePeek =
  (client: QueryClient, index: NewsIndex): Peek<unknown> =>
  (file) =>
    peekDataFile(client, index, file);

/** What a selection depends on: topic ids, the search, the read articles hidden. */
type SelectionKey = { ids: number[]; search: readonly SearchClause[]; anyTopic: boolean; hidden?: string };

const selectionKey = (request: FeedRequest): SelectionKey => ({
  ids: topicIds(request.topics).filter((id) => id >= 0),
  search: request.search,
  anyTopic: request.topics.length > 0,
  ...(request.hidden !== undefined ? { hidden: request.hidden } : {}),
});

/**
 * What the reader needs of a selection: how many articles and stories it holds in each view, and
 * its ranks (which a search and the "top" order read, from the full feed's files; the feed of
 * several topics newest or oldest first is read from their own).
 */
type Matching = {
  size: Record<View, number>;
  storyCount: Record<View, number>;
  /** Of those, the read articles hidden. */
  hiddenRead: Record<View, number>;
  ranks: Selection;
  /** What the search could not find (an unknown topic, a phrase too common to check). */
  hints: string[];
};

/** The selection, from files at hand (`peek`); or what is missing to work it out. */
function selectionFrom(
  index: NewsIndex,
  { ids, search: clauses, anyTopic }: SelectionKey,
  peek: Peek<unknown>,
  search: SearchModule | undefined,
  hidden: Uint8Array | undefined,
): Matching | Missing {
  const size = index.count.all;
  // Hiding read articles from the whole feed needs to know which are published.
  const everything = !anyTopic && clauses.length === 0;
  const files = [
    dataPath.stories,
    ...(everything ? [dataPath.searchBase] : []),
    ...ids.map((id) => dataPath.topicKeys(id)),
  ];
  const loaded = files.map((file) => peek(file));
  const found = search && clauses.length > 0 ? search.queryFlagsNow(index, clauses, peek) : undefined;
  const missing = [...files.filter((_, i) => !loaded[i]), ...(isMissing(found) ? found.missing : [])];
  if (missing.length > 0) return { missing };
  const [stories, ...rest] = loaded;
  const base = everything ? (rest.shift() as SearchBase) : undefined;
  const inTopics = (view: View) =>
    rankFlags(
      size,
      rest.map((list) => (list as TopicKeys)[view]),
    );
  let matching: Uint8Array;
  let published: Uint8Array;
  if (found && !isMissing(found)) {
    ({ matching, published } = found);
    if (anyTopic) intersectFlags(matching, inTopics('all'));
  } else if (base) {
    matching = new Uint8Array(size).fill(1);
    published = flagsFromBits(base.published, size);
  } else {
    matching = inTopics('all');
    published = inTopics('published');
  }
  const before = splitPublished(new Uint8Array(matching), published);
  if (hidden) for (let rank = 0; rank < size; rank += 1) if (hidden[rank]) matching[rank] = 0;
  const selected = hidden ? splitPublished(matching, published) : before;
  const storyOf = storiesOfRanks(stories as StoryKeys, size);
  return {
    size: { all: selected.all.length, published: selected.published.length },
    storyCount: {
      all: countStories(selected.all, storyOf),
      published: countStories(selected.published, storyOf),
    },
    hiddenRead: {
      all: before.all.length - selected.all.length,
      published: before.published.length - selected.published.length,
    },
    ranks: selected,
    hints: found && !isMissing(found) ? found.hints : [],
  };
}

const storiesMemo = new WeakMap<StoryKeys, { size: number; storyOf: Uint32Array }>();
/**
 * The story of each rank, worked out once per `stories.json` read and archive size: an unchanged
 * file is shared by builds of other sizes (the dev server's, after an edit), whose ranks differ.
 */
function storiesOfRanks(stories: StoryKeys, size: number): Uint32Array {
  const known = storiesMemo.get(stories);
  if (known?.size === size) return known.storyOf;
  const storyOf = storyOfRanks(size, stories);
  storiesMemo.set(stories, { size, storyOf });
  return storyOf;
}

/** The articles matching several topics and/or a search, as ranks, in both views. */
export const selectionQuery = (index: NewsIndex, request: FeedRequest) => {
  const key = selectionKey(request);
  return queryOptions({
    queryKey: ['news', index, 'selection', key],
    staleTime: Infinity,
    queryFn: async ({ client }): Promise<Matching> => {
      // The search index is its own chunk, loaded with the first search.
      const search = key.search.length > 0 ? await loadSearch() : undefined;
      const hidden = key.hidden !== undefined ? hiddenFlags(client, index, key.hidden) : undefined;
      return readAll(
        (peek) => selectionFrom(index, key, peek, search, hidden),
        (file) => loadDataFile<unknown>(client, index, file),
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
  if (key.search.length > 0 && !searchModule) return undefined;
  const hidden = key.hidden !== undefined ? hiddenFlags(client, index, key.hidden) : undefined;
  const now = selectionFrom(index, key, cachePeek(client, index), searchModule, hidden);
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
      /** Read articles left out ("Hide read"). */
      hiddenRead: number;
      /** What the search could not find. */
      hints: string[];
      /** Still the previous selection's. */ stale: boolean;
    };

/** How many articles match, and how many more would if unpublished ones were shown. */
export function useFeedCount(index: NewsIndex, request: FeedRequest): FeedCount {
  const client = useQueryClient();
  const selection = useQuery({
    ...selectionQuery(index, request),
    // Not for a count the index gives (one topic or none): the query is disabled then, but react-query
    // would still compute its initial data.
    initialData: () => (countedByIndex(request) ? undefined : selectionNow(client, index, request)),
    enabled: !countedByIndex(request),
    placeholderData: keepPreviousData,
  });
  const both = (
    size: Record<View, number>,
    stories: Record<View, number>,
    read = { all: 0, published: 0 },
    hints: string[] = [],
  ): FeedCount => ({
    hints,
    status: 'success',
    count: size[request.view],
    stories: stories[request.view],
    hiddenUnpublished: size.all - size[request.view],
    hiddenRead: read[request.view],
    stale: !countedByIndex(request) && selection.isPlaceholderData,
  });
  if (countedByIndex(request)) {
    const [topic] = request.topics;
    return topic ? both(topic, topic.storyCount) : both(index.count, index.storyCount);
  }
  if (selection.data) {
    const { size, storyCount, hiddenRead, hints } = selection.data;
    return both(size, storyCount, hiddenRead, hints);
  }
  return selection.error
    ? { status: 'error', error: selection.error, retry: () => void selection.refetch() }
    : { status: 'pending' };
}
