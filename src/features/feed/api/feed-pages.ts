import {
  infiniteQueryOptions,
  keepPreviousData,
  useInfiniteQuery,
  type QueryClient,
} from '@tanstack/react-query';
import type { ArticleSummary } from '../../../shared/article-schema.ts';
import { firstScreenCards, type NewsIndex } from '../../../shared/data-folder.ts';
import type { Selection } from '../../../shared/ranks.ts';
import { newsKey } from '../../../lib/data-file.ts';
import {
  noSelection,
  selectionKey,
  selectionQuery,
  selects,
  type FeedRequest,
  type SelectionKey,
} from './feed-selection.ts';
import { readFullFeed, readRanks, type FeedCursor, type RankCursor, type StreamPage } from './feed-stream.ts';
import { readCards } from './page-query.ts';
import { readTopRanks, type TopCursor } from './top-order.ts';

/** The feed of a request, page by page: react-query's infinite query over the data folder's files. */

/** How far the feed has been read, and, when stories are grouped, the stories already shown. */
type ReadCursor = FeedCursor | RankCursor | TopCursor;
export type Cursor = ReadCursor & { storiesShown?: readonly string[] };

/** What a read of the feed depends on: the request as small values. */
export type FeedRead = Pick<FeedRequest, 'view' | 'group' | 'sort'> & { selection: SelectionKey };

/** Articles in the first read (a screenful) and in each later one. */
const firstRead = firstScreenCards;
const laterReads = 24;

export function useFeedPages(index: NewsIndex, request: FeedRequest, enabled = true) {
  return useInfiniteQuery({ ...feedPagesQuery(index, request), enabled, placeholderData: keepPreviousData });
}

/**
 * One read of the feed for `request`. With stories grouped, a story's card is its first article
 * the read meets (the newest of those matching), and its later articles are passed over: the read
 * goes on until it has `want` cards.
 */
export async function readFeed(
  client: QueryClient,
  index: NewsIndex,
  request: FeedRead,
  cursor: Cursor,
  selection: Selection,
): Promise<StreamPage<Cursor>> {
  // The first read fills the first screen from one small file; later ones read further ahead.
  const first = cursor.offset === 0;
  const want = first ? firstRead : laterReads;
  const shown = new Set(cursor.storiesShown);
  const articles: ArticleSummary[] = [];
  let next: Cursor | null = cursor;
  while (next && articles.length < want) {
    const read = await readArticles(client, index, request, next, want - articles.length, selection);
    for (const article of read.articles) {
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
async function readArticles(
  client: QueryClient,
  index: NewsIndex,
  request: FeedRead,
  cursor: ReadCursor,
  want: number,
  selection: Selection,
): Promise<StreamPage<ReadCursor>> {
  if (cursor.kind === 'top') {
    const member = selects(request.selection) ? membership(selection[request.view]) : undefined;
    const { ranks, next } = await readTopRanks(client, index, member, cursor, want);
    const cards = await readCards(client, index, ranks);
    return { articles: cards.filter((card) => request.view === 'all' || card.published), next };
  }
  const oldest = request.sort === 'oldest';
  if (cursor.kind === 'ranks') {
    const ranks = oldest ? selection[request.view].slice().reverse() : selection[request.view];
    return readRanks(client, index, ranks, cursor, want);
  }
  return readFullFeed(client, index, request.view, cursor, want, oldest);
}

/**
 * Where the feed of `request` starts: the "top" order; the ranks of a search or of topics, whose
 * cards are read from the full feed's pages; or the full feed's pages themselves.
 */
const initialCursor = (request: FeedRead): Cursor =>
  request.sort === 'top'
    ? { kind: 'top', offset: 0 }
    : selects(request.selection)
      ? { kind: 'ranks', offset: 0 }
      : { kind: 'feed', offset: 0 };

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

/**
 * The feed for `request`, page by page (react-query's infinite query): the full feed's pages
 * read in order, or the ranks of topics, a search or the "top" order read from them. Each page is
 * a data file fetched once and shared by every view. Its key holds the request as small values.
 */
export const feedPagesQuery = (index: NewsIndex, request: FeedRequest) => {
  const { view, group, sort } = request;
  const { ids, anyTopic, search, hidden } = selectionKey(request);
  return infiniteQueryOptions({
    queryKey: [...newsKey(index), 'feed', view, ids, anyTopic, search, hidden, group, sort],
    staleTime: 'static',
    queryFn: async ({ pageParam, client }): Promise<StreamPage<Cursor>> => {
      const selection = { ids, anyTopic, search, hidden };
      const read: FeedRead = { view, group, sort, selection };
      const ranks =
        pageParam.kind !== 'feed' && selects(selection)
          ? (await client.query(selectionQuery(index, selection))).ranks
          : noSelection;
      return readFeed(client, index, read, pageParam, ranks);
    },
    initialPageParam: initialCursor({ view, group, sort, selection: { ids, anyTopic, search, hidden } }),
    getNextPageParam: (last) => last.next,
  });
};
