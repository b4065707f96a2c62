import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { ArticleSummary } from '../../../shared/article-schema.ts';
import { cardOf, firstScreenCards, type NewsIndex, type TopicKeys } from '../../../shared/data-folder.ts';
import { feedPagesQuery, type Cursor } from './feed-pages.ts';
import { selectionKey, selectionOf, selectionQuery, type FeedRequest } from './feed-selection.ts';
import type { StreamPage } from './feed-stream.ts';
import { cardAt, pageQuery } from './page-query.ts';
import { storiesQuery } from './stories-query.ts';
import { topicKeysQuery } from './topic-keys-query.ts';

/**
 * The one synchronous read kept: toggling a topic whose files the cache holds (each topic's keys,
 * the stories, the pages of the first cards) puts the new selection and its first screen in the
 * cache under the queries' own keys before the change renders, so that it renders once, with its
 * cards, rather than first the previous list dimmed. Topic p95 at 100,000 articles (npm run
 * bench, two shared cores): 17.5 ms through the queries alone, 13.0 ms with this. Only
 * topics, newest or oldest first; anything else, or a file missing, is left to the queries, and
 * tests/features/feed/api/topics-now.test.ts holds this equal to them.
 */
export function fillTopicsFromCache(client: QueryClient, index: NewsIndex, request: FeedRequest): void {
  if (request.search.length > 0 || request.hidden !== undefined || request.sort === 'top') return;
  const pages = feedPagesQuery(index, request);
  if (request.topics.length === 0 || client.getQueryData(pages.queryKey) !== undefined) return;
  const key = selectionKey(request);
  const storyOf = client.getQueryData(storiesQuery(index).queryKey);
  const ids = key.ids ? key.ids.split(',').map(Number) : [];
  const topicKeys = ids.map((id) => client.getQueryData(topicKeysQuery(index, id).queryKey));
  if (!storyOf || !topicKeys.every((keys): keys is TopicKeys => keys !== undefined)) return;
  const selection = selectionOf(index, true, { storyOf, topicKeys });
  const ranks = selection.ranks[request.view];
  const first = firstCardsNow(
    client,
    index,
    request.sort === 'oldest' ? ranks.slice().reverse() : ranks,
    request.group,
  );
  if (!first) return;
  client.setQueryData(selectionQuery(index, key).queryKey, selection);
  client.setQueryData(pages.queryKey, { pages: [first], pageParams: [pages.initialPageParam] });
}

/** fillTopicsFromCache, for a handler to call just before it toggles a topic. */
export function useFillTopicsFromCache(index: NewsIndex): (request: FeedRequest) => void {
  const client = useQueryClient();
  return useCallback((request: FeedRequest) => fillTopicsFromCache(client, index, request), [client, index]);
}

/** The first read of a rank list (see readFeed), from cached pages only; undefined if one is missing. */
function firstCardsNow(
  client: QueryClient,
  index: NewsIndex,
  ranks: ArrayLike<number>,
  group: boolean,
): StreamPage<Cursor> | undefined {
  const shown = new Set<string>();
  const articles: ArticleSummary[] = [];
  let offset = 0;
  for (; offset < ranks.length && articles.length < firstScreenCards; offset += 1) {
    const rank = ranks[offset] ?? 0;
    const { page: number, slot } = cardOf(rank, index);
    const page = client.getQueryData(pageQuery(index, number).queryKey);
    if (!page) return undefined;
    const card = cardAt(page, slot, rank);
    if (!card) continue;
    if (group && card.story) {
      if (shown.has(card.story.id)) continue;
      shown.add(card.story.id);
    }
    articles.push(card);
  }
  return {
    articles,
    next: offset < ranks.length ? { kind: 'ranks', offset, storiesShown: [...shown] } : null,
  };
}
