import type { QueryClient } from '@tanstack/react-query';
import { index } from 'virtual:news';
import { putFirstScreenInCache } from '../features/feed/api/feed-pages.ts';
import type { FeedRequest } from '../features/feed/api/feed-selection.ts';
import { seedFirstScreen } from '../lib/news-index.ts';

/** What the reader asks for at an address without a query: published articles, newest first, by story. */
const defaultRequest: FeedRequest = {
  view: 'published',
  topics: [],
  search: [],
  group: true,
  sort: 'newest',
};

/**
 * The first screen of the default view, in the query cache before anything renders: its data
 * files (bundled, see seedFirstScreen) and its first page of cards. The page rendered at build
 * time (prerender.tsx) and the browser's first render (main.tsx) start from the same cache, so
 * the browser hydrates the prerendered cards rather than drawing them again.
 */
export function prepareFirstScreen(client: QueryClient): void {
  seedFirstScreen(client);
  putFirstScreenInCache(client, index, defaultRequest);
}
