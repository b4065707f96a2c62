import {
  infiniteQueryOptions,
  keepPreviousData,
  useInfiniteQuery,
  useQueryClient,
  type QueryClient,
} from '@tanstack/react-query';
import { useCallback } from 'react';
import type { ArticleSummary } from '../../../shared/article-schema.ts';
import { firstScreenCards, type DataPage, type NewsIndex } from '../../../shared/data-folder.ts';
import {
  isMissing,
  readAll,
  readFeedNow,
  readRanksNow,
  readTopNow,
  type FeedCursor,
  type Missing,
  type Peek,
  type RankCursor,
  type TopCursor,
  type StreamPage,
} from '../../../shared/feed-stream.ts';
import type { Selection } from '../../../shared/ranks.ts';
import { loadDataFile } from '../../../lib/data-file.ts';
import {
  cachePeek,
  needsSelection,
  selectionNow,
  selectionQuery,
  type FeedRequest,
} from './feed-selection.ts';
import { hiddenFlags } from './hidden-ranks.ts';

/** The feed of a request, page by page: react-query's infinite query over the data folder's files. */

/** How far the feed has been read, and, when stories are grouped, the stories already shown. */
type ReadCursor = FeedCursor | RankCursor | TopCursor;
export type Cursor = ReadCursor & { storiesShown?: readonly string[] };

/** Articles in the first read (a screenful) and in each later one. */
const firstRead = firstScreenCards;
const laterReads = 24;

/**
 * Puts the first screen of `request` in the query cache at once when every file it needs is cached
 * already, so that the render a change causes shows it: one render, no loading state in between.
 * Call it just before the change (a click, a keystroke). When a file is missing it does nothing,
 * and the queries load as usual.
 */
export function useFirstScreenFromCache(index: NewsIndex): (request: FeedRequest) => void {
  const client = useQueryClient();
  return useCallback(
    (request: FeedRequest) => putFirstScreenInCache(client, index, request),
    [client, index],
  );
}

export function putFirstScreenInCache(client: QueryClient, index: NewsIndex, request: FeedRequest): void {
  const pages = feedPagesQuery(index, request);
  if (client.getQueryData(pages.queryKey)) return;
  const cursor = pages.initialPageParam;
  let selection = noSelection;
  if (cursor.kind !== 'feed' && needsSelection(request)) {
    const now = selectionNow(client, index, request);
    if (!now) return;
    client.setQueryData(selectionQuery(index, request).queryKey, now);
    selection = now.ranks;
  }
  const peek = cachePeek(client, index) as Peek;
  const page = readFeed(index, request, cursor, selection, peek, hiddenOf(client, index, request));
  if (!isMissing(page)) client.setQueryData(pages.queryKey, { pages: [page], pageParams: [cursor] });
}

export function useFeedPages(index: NewsIndex, request: FeedRequest, enabled = true) {
  return useInfiniteQuery({ ...feedPagesQuery(index, request), enabled, placeholderData: keepPreviousData });
}

/**
 * One read of the feed for `request`, from files at hand; or what is missing. With stories
 * grouped, a story's card is its first article the read meets (the newest of those matching),
 * and its later articles are passed over: the read goes on until it has `want` cards.
 */
export function readFeed(
  index: NewsIndex,
  request: FeedRequest,
  cursor: Cursor,
  selection: Selection,
  peek: Peek,
  hidden?: Uint8Array,
): StreamPage<Cursor> | Missing {
  // The first read fills the first screen from one small file; later ones read further ahead.
  const first = cursor.offset === 0;
  const want = first ? firstRead : laterReads;
  const shown = new Set(cursor.storiesShown);
  const articles: ArticleSummary[] = [];
  let next: Cursor | null = cursor;
  while (next && articles.length < want) {
    const read = readArticles(index, request, next, want - articles.length, selection, peek);
    if (isMissing(read)) return read;
    for (const article of read.articles) {
      if (hidden?.[article.rank]) continue;
      if (request.group && article.story) {
        if (shown.has(article.story.id)) continue;
        shown.add(article.story.id);
      }
      articles.push(article);
    }
    next = read.next;
  }
  return { articles, next: next && { ...next, storiesShown: [...shown] } };
}

/** The next `want` articles of the feed for `request`, every article of a story included. */
function readArticles(
  index: NewsIndex,
  request: FeedRequest,
  cursor: ReadCursor,
  want: number,
  selection: Selection,
  peek: Peek,
): StreamPage<ReadCursor> | Missing {
  if (cursor.kind === 'top') {
    const member = needsSelection(request) ? membership(selection[request.view]) : undefined;
    return readTopNow(index, member, request.view, cursor, want, peek);
  }
  const oldest = request.sort === 'oldest';
  if (cursor.kind === 'ranks') {
    const ranks = oldest ? selection[request.view].slice().reverse() : selection[request.view];
    return readRanksNow(ranks, cursor, want, index, peek);
  }
  return readFeedNow(index, request.view, cursor, want, peek, oldest);
}

/**
 * Where the feed of `request` starts: the "top" order; the ranks of a search or of topics, whose
 * cards are read from the full feed's pages; or the full feed's pages themselves.
 */
export const initialCursor = (request: FeedRequest): Cursor =>
  request.sort === 'top'
    ? { kind: 'top', offset: 0 }
    : needsSelection(request)
      ? { kind: 'ranks', offset: 0 }
      : { kind: 'feed', offset: 0 };

/** The read articles a request hides, as flags (see hidden-ranks.ts). */
export const hiddenOf = (client: QueryClient, index: NewsIndex, request: FeedRequest) =>
  request.hidden !== undefined ? hiddenFlags(client, index, request.hidden) : undefined;

const membershipMemo = new WeakMap<Uint32Array, (rank: number) => boolean>();
/** Whether a rank is among `ranks`, answered from a set made once per list. */
function membership(ranks: Uint32Array): (rank: number) => boolean {
  let member = membershipMemo.get(ranks);
  if (!member) {
    const set = new Set(ranks);
    member = (rank) => set.has(rank);
    membershipMemo.set(ranks, member);
  }
  return member;
}

export const noSelection: Selection = { all: new Uint32Array(0), published: new Uint32Array(0) };

/**
 * The feed for `request`, page by page (react-query's infinite query): the full feed's pages
 * read in order, or the ranks of topics, a search or the "top" order read from them. Each page is
 * a data file fetched once and shared by every view.
 */
const feedPagesQuery = (index: NewsIndex, request: FeedRequest) => {
  const initial = initialCursor(request);
  return infiniteQueryOptions({
    queryKey: ['news', index, 'feed', request],
    staleTime: Infinity,
    queryFn: async ({ pageParam, client }): Promise<StreamPage<Cursor>> => {
      const selection =
        pageParam.kind !== 'feed' && needsSelection(request)
          ? (await client.query(selectionQuery(index, request))).ranks
          : noSelection;
      const hidden = hiddenOf(client, index, request);
      return readAll(
        (peek: Peek) => readFeed(index, request, pageParam, selection, peek, hidden),
        (file) => loadDataFile<DataPage>(client, index, file),
      );
    },
    initialPageParam: initial,
    getNextPageParam: (last) => last.next,
  });
};
