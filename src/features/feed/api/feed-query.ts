import { useCallback, useEffect } from 'react';
import {
  infiniteQueryOptions,
  keepPreviousData,
  queryOptions,
  useInfiniteQuery,
  useQuery,
  useQueryClient,
  type QueryClient,
} from '@tanstack/react-query';
import {
  dataPath,
  type DataPage,
  type NewsIndex,
  type SearchBase,
  type TopicRanks,
  type TopicStat,
  type View,
} from '../../../shared/data-folder.ts';
import { typedInitial } from '../../../shared/search-words.ts';
import {
  feedSource,
  isMissing,
  readAll,
  readMergedNow,
  readRanksNow,
  type MergeCursor,
  type Missing,
  type Peek,
  type RankCursor,
  type Source,
  type StreamPage,
  topicSource,
} from '../../../shared/feed-stream.ts';
import {
  intersectFlags,
  splitPublished,
  rankListFlags,
  unionSize,
  type Selection,
} from '../../../shared/ranks.ts';
import type { searchFlagsNow, shardsStarting } from '../../search/api/search-index.ts';
import { dataFileQuery, loadDataFile, peekDataFile } from './data-files.ts';

/** What the reader asked for, with topics already resolved to their ids and counts. */
export type FeedRequest = { view: View; topics: readonly TopicStat[]; words: readonly string[] };

/** Several topics or a search need rank lists to count; one topic or none is counted by the index. */
const needsSelection = (request: FeedRequest) => request.words.length > 0 || request.topics.length > 1;

const topicIds = (topics: readonly TopicStat[]) => topics.map((topic) => topic.id).sort((a, b) => a - b);

type SearchModule = { searchFlagsNow: typeof searchFlagsNow; shardsStarting: typeof shardsStarting };
/** The search code, once its chunk has loaded: from then on a search can answer synchronously. */
let searchModule: SearchModule | undefined;
const loadSearch = async (): Promise<SearchModule> =>
  (searchModule ??= await import('../../search/api/search-index.ts'));

/** Data files from the query cache only: never a fetch. */
const cachePeek =
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
 * What the reader needs of a selection: how many articles it holds in each view, and, for a search
 * (whose feed is read rank by rank from the full feed's files), its ranks. The feed of several
 * topics is read from their own files, so for topics alone only the sizes are worked out.
 */
type Matching = { size: Record<View, number>; ranks?: Selection };

/** The selection, from files at hand (`peek`); or what is missing to work it out. */
function selectionFrom(
  index: NewsIndex,
  { ids, words, anyTopic }: SelectionKey,
  peek: Peek<unknown>,
  search: SearchModule | undefined,
): Matching | Missing {
  const size = index.count.a;
  const files = ids.map((id) => dataPath.topicRanks(id));
  const ranks = files.map((file) => peek(file) as TopicRanks | undefined);
  const found = search && words.length > 0 ? search.searchFlagsNow(index, words, peek) : undefined;
  const missing = [...files.filter((_, i) => !ranks[i]), ...(isMissing(found) ? found.missing : [])];
  if (missing.length > 0) return { missing };
  const inTopics = (view: View) =>
    rankListFlags(
      size,
      ranks.map((list) => (list as TopicRanks)[view]),
    );
  if (!found || isMissing(found)) {
    const lists = (view: View) => ranks.map((list) => (list as TopicRanks)[view]);
    return { size: { a: unionSize(size, lists('a')), p: unionSize(size, lists('p')) } };
  }
  const { matching, published } = found;
  if (anyTopic) intersectFlags(matching, inTopics('a'));
  const selected = splitPublished(matching, published);
  return { size: { a: selected.a.length, p: selected.p.length }, ranks: selected };
}

/** The articles matching several topics and/or a search, as ranks, in both views. */
const selectionQuery = (index: NewsIndex, request: FeedRequest) => {
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
function selectionNow(client: QueryClient, index: NewsIndex, request: FeedRequest): Matching | undefined {
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
  if (selection.data) return both(selection.data.size.p, selection.data.size.a);
  return selection.error
    ? { status: 'error', error: selection.error, retry: () => void selection.refetch() }
    : { status: 'pending' };
}

type Cursor = MergeCursor | RankCursor;

/** Articles in the first read (a screenful) and in each later one. */
const firstRead = 6;
const laterReads = 24;

/**
 * Loads every file the first screen of `request` reads, and the rank lists a count of several
 * topics needs, so that showing it answers from memory. Not for a search: its files depend on
 * its shards (see usePrefetchSearch).
 */
function loadFirstScreen(client: QueryClient, index: NewsIndex, request: FeedRequest): Promise<unknown> {
  const start: Cursor = { kind: 'merge', consumed: [] };
  return Promise.all([
    needsSelection(request) ? client.query(selectionQuery(index, request)) : undefined,
    readAll(
      (peek: Peek) => readFeed(index, request, start, noSelection, peek),
      (file) => loadDataFile<DataPage>(client, index.base, file),
    ),
  ]);
}

/**
 * Starts loading what `request` would show, before the reader asks for it (a pointer resting on a
 * topic, a topic reached with the keyboard), so that the click answers from memory.
 */
export function usePrefetchFeed(index: NewsIndex): (request: FeedRequest) => void {
  const client = useQueryClient();
  return useCallback(
    (request: FeedRequest) => {
      // A failure here is not shown: the real query meets it again, and says so.
      if (request.words.length === 0) loadFirstScreen(client, index, request).catch(() => undefined);
    },
    [client, index],
  );
}

/** Whether the connection asks to save data: then nothing is fetched on speculation. */
const savesData = () =>
  (navigator as Navigator & { connection?: { saveData?: boolean } }).connection?.saveData === true;

/**
 * Called with the search box's text as it changes. With one letter of a word typed, fetches the
 * index shards of every word starting with it, so that the next keystroke (which needs one of
 * them) answers from memory instead of waiting for the network. Not on a connection that asks to
 * save data.
 */
export function usePrefetchSearch(index: NewsIndex): (text: string) => void {
  const client = useQueryClient();
  return useCallback(
    (text: string) => {
      const initial = typedInitial(text);
      if (initial === undefined || savesData()) return;
      const ahead = async () => {
        const search = await loadSearch();
        const base = await loadDataFile<SearchBase>(client, index.base, dataPath.searchBase);
        await Promise.allSettled(
          search.shardsStarting(base, initial).map((file) => client.query(dataFileQuery(index.base, file))),
        );
      };
      ahead().catch(() => undefined);
    },
    [client, index],
  );
}

/** Topics whose first screen and rank list are fetched ahead, from the top of the sidebar. */
export const warmTopics = 8;

/**
 * Once the first screen is up and the browser has nothing else to do, fetches what the next
 * interaction most likely needs, so that it answers from memory: the search code and its base
 * file, and the first screen and rank list of the topics at the top of the sidebar (`topics`, in
 * sidebar order) in `view`. Never before the first card, never on a connection that asks to save data.
 */
export function useWarmUp(index: NewsIndex, view: View, topics: readonly TopicStat[], when: boolean): void {
  const client = useQueryClient();
  const top = topics.slice(0, warmTopics);
  // The effect depends on the topics' identity, not on the array's.
  const key = JSON.stringify(top);
  useEffect(() => {
    if (!when || savesData()) return undefined;
    const stats = JSON.parse(key) as TopicStat[];
    const tasks: (() => Promise<unknown>)[] = [
      loadSearch,
      () => client.query(dataFileQuery(index.base, dataPath.searchBase)),
      ...stats.flatMap((topic) => [
        // Its first screen, fetched and read ahead: the click shows it in the render it causes.
        async () => {
          const request = { view, topics: [topic], words: [] };
          await loadFirstScreen(client, index, request);
          seedFirstScreen(client, index, request);
        },
        () => client.query(dataFileQuery(index.base, dataPath.topicRanks(topic.id))),
      ]),
    ];
    // One at a time, each in its own idle period: a request the reader makes meanwhile (a search's
    // index shard, say) waits behind one of these at most, never behind a queue of them.
    let cancel = () => {};
    const run = (next: number) => {
      const task = tasks[next];
      if (!task) return;
      const go = () => {
        task()
          .catch(() => undefined)
          .finally(() => run(next + 1));
      };
      // Safari has no requestIdleCallback (the DOM typings say every browser does).
      if ('requestIdleCallback' in window) {
        const handle = window.requestIdleCallback(go, { timeout: 3000 });
        cancel = () => window.cancelIdleCallback(handle);
      } else {
        const timer = setTimeout(go, next === 0 ? 500 : 0);
        cancel = () => clearTimeout(timer);
      }
    };
    run(0);
    return () => {
      cancel();
      tasks.length = 0;
    };
  }, [client, index, view, key, when]);
}

/**
 * Puts the first screen of `request` in the query cache at once when every file it needs is cached
 * already, so that the render a change causes shows it: one render, no loading state in between.
 * Call it just before the change (a click, a keystroke). When a file is missing it does nothing,
 * and the queries load as usual.
 */
export function useSeedFeed(index: NewsIndex): (request: FeedRequest) => void {
  const client = useQueryClient();
  return useCallback((request: FeedRequest) => seedFirstScreen(client, index, request), [client, index]);
}

function seedFirstScreen(client: QueryClient, index: NewsIndex, request: FeedRequest): void {
  const pages = feedPagesQuery(index, request);
  if (client.getQueryData(pages.queryKey)) return;
  const cursor = pages.initialPageParam;
  let selection = noSelection;
  if (cursor.kind === 'ranks') {
    const now = selectionNow(client, index, request);
    if (!now) return;
    client.setQueryData(selectionQuery(index, request).queryKey, now);
    selection = now.ranks ?? noSelection;
  }
  const peek = cachePeek(client, index) as Peek;
  const page = readFeed(index, request, cursor, selection, peek);
  if (!isMissing(page)) client.setQueryData(pages.queryKey, { pages: [page], pageParams: [cursor] });
}

export function useFeedPages(index: NewsIndex, request: FeedRequest, enabled = true) {
  return useInfiniteQuery({ ...feedPagesQuery(index, request), enabled, placeholderData: keepPreviousData });
}

/** One read of the feed for `request`, from files at hand; or what is missing. */
function readFeed(
  index: NewsIndex,
  request: FeedRequest,
  cursor: Cursor,
  selection: Selection,
  peek: Peek,
): StreamPage<Cursor> | Missing {
  // The first read fills the first screen from one small file; later ones read further ahead.
  const first = cursor.kind === 'ranks' ? cursor.offset === 0 : cursor.consumed.length === 0;
  const want = first ? firstRead : laterReads;
  if (cursor.kind === 'ranks') {
    return readRanksNow(selection[request.view], cursor, want, index.pageSize, dataPath.page, peek);
  }
  const sources: Source[] =
    request.topics.length === 0
      ? [feedSource(index.count.a, index.pageSize)]
      : request.topics.map((topic) => topicSource(topic, index.pageSize));
  return readMergedNow(sources, request.view, cursor, want, peek);
}

const noSelection: Selection = { a: new Uint32Array(0), p: new Uint32Array(0) };

/**
 * The feed for `request`, page by page (react-query's infinite query): a merged read of the
 * topics' own pages (or of the full feed), or, for a search, the matching ranks read from the
 * full feed's pages. Each page is a data file fetched once and shared by every view.
 */
const feedPagesQuery = (index: NewsIndex, request: FeedRequest) => {
  const initial: Cursor =
    request.words.length > 0 ? { kind: 'ranks', offset: 0 } : { kind: 'merge', consumed: [] };
  return infiniteQueryOptions({
    queryKey: ['news', index, 'feed', request],
    staleTime: Infinity,
    queryFn: async ({ pageParam, client }): Promise<StreamPage<Cursor>> => {
      const selection =
        pageParam.kind === 'ranks'
          ? ((await client.query(selectionQuery(index, request))).ranks ?? noSelection)
          : noSelection;
      return readAll(
        (peek: Peek) => readFeed(index, request, pageParam, selection, peek),
        (file) => loadDataFile<DataPage>(client, index.base, file),
      );
    },
    initialPageParam: initial,
    getNextPageParam: (last) => last.next,
  });
};
