import type { QueryClient } from '@tanstack/react-query';
import { feedPagesQuery } from '../features/feed/api/feed-pages.ts';
import type { FeedRequest } from '../features/feed/api/feed-selection.ts';
import { seedFromPage } from '../lib/news-index.ts';
import type { PageData } from '../shared/data-folder.ts';

/** What the reader asks for at an address without a query: published articles, newest first, by story. */
const defaultRequest: FeedRequest = {
  view: 'published',
  topics: [],
  search: [],
  group: true,
  sort: 'newest',
};

/**
 * The first screen of the default view, in the query cache before anything renders: the index
 * and its data files from the page's data (see PageData), then its first page of cards, read from
 * them by the feed's own query. The page rendered at build time (prerender.tsx) and the browser's
 * first render (main.tsx) start from the same cache, so the browser hydrates the prerendered cards
 * rather than drawing them again.
 *
 * Read from the page's data alone, that settles in microtasks; a read that needs more (an
 * archive with fewer published cards than a screen) is not waited for past this task: the page
 * then starts without a first screen, and the query goes on in the background.
 */
export async function prepareFirstScreen(client: QueryClient, page: PageData): Promise<void> {
  seedFromPage(client, page);
  const read = client.infiniteQuery(feedPagesQuery(page.index, defaultRequest)).catch(() => undefined);
  await Promise.race([read, new Promise((resolve) => setTimeout(resolve, 0))]);
}
