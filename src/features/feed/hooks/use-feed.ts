import { useCallback, useMemo } from 'react';
import type { NewsIndex } from '../../../shared/data-folder.ts';
import { useFeedPages } from '../api/feed-pages.ts';
import { useFeedCount, type FeedCount, type FeedRequest } from '../api/feed-selection.ts';

/** What a request waits for before the feed can be read (the full topic list, the read articles' lookup). */
export type Waiting = { pending: boolean; error?: Error; retry?: () => void };

/**
 * The feed of `request` as the page shows it: its state, its count, the cards read so far and
 * how to read more. `enabled` off (the Saved view) reads no page; the count still answers.
 */
export function useFeed(index: NewsIndex, request: FeedRequest, waiting: Waiting, enabled: boolean) {
  const ready = !waiting.pending && !waiting.error;
  const count = useFeedCount(index, request);
  const pages = useFeedPages(index, request, ready && enabled);
  const articles = useMemo(() => pages.data?.pages.flatMap((page) => page.articles) ?? [], [pages.data]);
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = pages;
  const onNeedMore = useCallback(() => {
    if (hasNextPage && !isFetchingNextPage) void fetchNextPage();
  }, [hasNextPage, isFetchingNextPage, fetchNextPage]);

  const found: Extract<FeedCount, { status: 'success' }> | undefined =
    count.status === 'success' ? count : undefined;
  const error = waiting.error ?? pages.error ?? (count.status === 'error' ? count.error : null);
  const state = error
    ? 'error'
    : !ready || count.status === 'pending' || pages.isPending
      ? 'pending'
      : 'success';
  const total = found?.count ?? 0;
  const retry = () =>
    waiting.retry
      ? waiting.retry()
      : pages.isError
        ? void pages.refetch()
        : count.status === 'error' && count.retry();
  return {
    state,
    error,
    retry,
    retrying: pages.isFetching || count.status === 'pending',
    /** The count, once known. */
    found,
    total,
    /** Cards in the whole feed: one per story when stories are grouped. */
    cards: found && request.group ? found.stories : total,
    /** The list on screen is the previous one while the next loads: say so, and dim it. */
    stale: found !== undefined && (pages.isPlaceholderData || found.stale),
    articles,
    hasMore: hasNextPage,
    onNeedMore,
  } as const;
}

export type Feed = ReturnType<typeof useFeed>;
