import { keepPreviousData, queryOptions, useQuery, type QueryClient } from '@tanstack/react-query';
import type { NewsIndex, TopicKeys, TopicStat, View } from '../../../shared/data-folder.ts';
import { intersectFlags, rankFlags, splitPublished, type Selection } from '../../../shared/ranks.ts';
import { countStories } from '../../../shared/story-ranks.ts';
import type { SearchClause } from '../../../lib/search-query.ts';
import type { SortOrder } from '../utils/feed-params.ts';
import { newsKey } from '../../../lib/data-file.ts';
import { hiddenFlags } from './hidden-ranks.ts';
import type * as SearchChunk from './search-index.ts';
import type { QueryFlags } from './search-index.ts';
import { searchBaseQuery } from './search-files.ts';
import { storiesQuery } from './stories-query.ts';
import { topicKeysQuery } from './topic-keys-query.ts';

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
export const selects = (key: SelectionKey) => key.anyTopic || key.search !== '' || key.hidden !== '';

/** The full feed, or one topic, with no search and nothing hidden: counted by the index, at once. */
const countedByIndex = (request: FeedRequest) =>
  request.search.length === 0 && request.hidden === undefined && request.topics.length <= 1;

/**
 * What a selection depends on, as small values a query key can hold: the ids of the topics the
 * archive has, whether any topic was asked for (one it lacks matches nothing), the search as
 * JSON, and the key of the read articles hidden.
 */
export type SelectionKey = { ids: string; anyTopic: boolean; search: string; hidden: string };

export const selectionKey = (request: FeedRequest): SelectionKey => ({
  ids: request.topics
    .map((topic) => topic.id)
    .filter((id) => id >= 0)
    .sort((a, b) => a - b)
    .join(','),
  anyTopic: request.topics.length > 0,
  search: request.search.length > 0 ? JSON.stringify(request.search) : '',
  hidden: request.hidden ?? '',
});

/**
 * What the reader needs of a selection: how many articles and stories it holds in each view, and
 * its ranks (which a search and the "top" order read, from the full feed's files; the feed of
 * several topics newest or oldest first is read from their own).
 */
export type Matching = {
  size: Record<View, number>;
  storyCount: Record<View, number>;
  /** Of those, the read articles hidden. */
  hiddenRead: Record<View, number>;
  ranks: Selection;
  /** What the search could not find (an unknown topic, a phrase too common to check). */
  hints: string[];
};

let searchChunk: Promise<typeof SearchChunk> | undefined;
/**
 * The search index's code, its own chunk, loaded with the first search (or ahead, see
 * useWarmUp); kept as one promise, which a later search awaits in a microtask.
 */
export const loadSearch = () => (searchChunk ??= import('./search-index.ts'));

/** The selection of `key`, every file it needs fetched side by side. */
async function readSelection(client: QueryClient, index: NewsIndex, key: SelectionKey): Promise<Matching> {
  // The full feed's counts are the index's, and its cards are read from its pages, not by rank.
  if (!selects(key)) return { ...wholeFeed, size: index.count, storyCount: index.storyCount };
  const clauses = key.search ? (JSON.parse(key.search) as SearchClause[]) : [];
  const ids = key.ids ? key.ids.split(',').map(Number) : [];
  // Hiding read articles from the whole feed needs to know which are published.
  const everything = !key.anyTopic && clauses.length === 0;
  const [storyOf, base, topicKeys, found] = await Promise.all([
    client.query(storiesQuery(index)),
    everything ? client.query(searchBaseQuery(index)) : undefined,
    Promise.all(ids.map((id) => client.query(topicKeysQuery(index, id)))),
    clauses.length > 0 ? loadSearch().then((search) => search.queryFlags(client, index, clauses)) : undefined,
  ]);
  const hidden = key.hidden ? hiddenFlags(client, index, key.hidden) : undefined;
  return selectionOf(index, key.anyTopic, { storyOf, base, topicKeys, found, hidden });
}

/** What a selection is worked out from: its files, read (see readSelection). */
type SelectionFiles = {
  storyOf: Uint32Array;
  /** The search base, for hiding read articles from the whole feed. */
  base?: { published: Uint8Array } | undefined;
  topicKeys: readonly TopicKeys[];
  found?: QueryFlags | undefined;
  hidden?: Uint8Array | undefined;
};

/** The selection, from its files: the topics' union, within the search, less the read articles hidden. */
export function selectionOf(
  index: NewsIndex,
  anyTopic: boolean,
  { storyOf, base, topicKeys, found, hidden }: SelectionFiles,
): Matching {
  const size = index.count.all;
  const inTopics = (view: View) =>
    rankFlags(
      size,
      topicKeys.map((keys) => keys[view]),
    );
  let matching: Uint8Array;
  let published: Uint8Array;
  if (found) {
    ({ matching, published } = found);
    if (anyTopic) intersectFlags(matching, inTopics('all'));
  } else if (base) {
    matching = new Uint8Array(size).fill(1);
    published = base.published;
  } else {
    matching = inTopics('all');
    published = inTopics('published');
  }
  const before = splitPublished(new Uint8Array(matching), published);
  if (hidden) for (let rank = 0; rank < size; rank += 1) if (hidden[rank]) matching[rank] = 0;
  const selected = hidden ? splitPublished(matching, published) : before;
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
    hints: found?.hints ?? [],
  };
}

export const noSelection: Selection = { all: new Uint32Array(0), published: new Uint32Array(0) };
const wholeFeed = { hiddenRead: { all: 0, published: 0 }, ranks: noSelection, hints: [] };

/** The articles matching several topics and/or a search, as ranks, in both views. */
export const selectionQuery = (index: NewsIndex, { ids, anyTopic, search, hidden }: SelectionKey) =>
  queryOptions({
    queryKey: [...newsKey(index), 'selection', ids, anyTopic, search, hidden],
    queryFn: ({ client }) => readSelection(client, index, { ids, anyTopic, search, hidden }),
    staleTime: 'static',
  });

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
  // Always on, even where the index counts (a query of the full feed costs nothing, one topic's
  // is read for its feed anyway): a change of selection then shows the previous one, dimmed,
  // while the next is worked out, never an empty loading state.
  const selection = useQuery({
    ...selectionQuery(index, selectionKey(request)),
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
