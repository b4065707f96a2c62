import { useCallback, useEffect } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { NewsIndex, TopicStat } from '../../../shared/data-folder.ts';
import { typedInitial } from '../../../shared/search-words.ts';
import { sortOrders } from '../utils/feed-params.ts';
import { feedPagesQuery } from './feed-pages.ts';
import { loadSearch, type FeedRequest } from './feed-selection.ts';
import { searchBaseQuery, searchShardQuery, searchTailQuery, shardsStarting } from './search-files.ts';
import { storiesQuery } from './stories-query.ts';
import { topicKeysQuery } from './topic-keys-query.ts';

/**
 * Fetching and reading ahead what the reader is likely to ask for next, into the query cache
 * under the key the view will ask for, so that it answers from memory: in the render its click
 * causes when the whole first screen was read ahead.
 */

/** A failure here is not shown: the real query meets it again, and says so. */
const ignore = () => undefined;

/**
 * Reads the first screen of `request` ahead (its selection too: the rank lists, the stories),
 * before the reader asks for it (a pointer resting on a topic, a topic reached with the keyboard),
 * so that the click shows it at once. Not for a search: its files depend on its shards (see
 * usePrefetchSearch).
 */
export function usePrefetchFeed(index: NewsIndex): (request: FeedRequest) => void {
  const client = useQueryClient();
  return useCallback(
    (request: FeedRequest) => {
      if (request.search.length === 0) client.infiniteQuery(feedPagesQuery(index, request)).catch(ignore);
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
        const { shards } = await client.query(searchBaseQuery(index));
        // The shards, the newest articles' words, and the stories that counting a search needs.
        await Promise.allSettled([
          ...shardsStarting(shards, initial).map((key) => client.query(searchShardQuery(index, key))),
          client.query(searchTailQuery(index)),
          client.query(storiesQuery(index)),
        ]);
      };
      ahead().catch(ignore);
    },
    [client, index],
  );
}

/** Topics whose first screen and rank list are fetched ahead, from the top of the sidebar. */
export const warmTopics = 8;

/**
 * Once the first screen is up and the browser has nothing else to do, fetches what the next
 * interaction most likely needs, so that it answers from memory: the search code and its base
 * file, the stories file, the first screen of the other orders, and the first screen and rank
 * list of the topics at the top of the sidebar (`topics`, in sidebar order) in `view`. Never
 * before the first card, never on a connection that asks to save data.
 */
export function useWarmUp(
  index: NewsIndex,
  { view, group, sort, hidden }: Omit<FeedRequest, 'topics' | 'search'>,
  topics: readonly TopicStat[],
  when: boolean,
): void {
  const client = useQueryClient();
  const top = topics.slice(0, warmTopics);
  // The effect depends on the topics' identity, not on the array's.
  const key = JSON.stringify(top);
  useEffect(() => {
    if (!when || savesData()) return undefined;
    const stats = JSON.parse(key) as TopicStat[];
    const firstScreen = (request: Omit<FeedRequest, 'search' | 'group' | 'view' | 'hidden'>) => () =>
      client.infiniteQuery(
        feedPagesQuery(index, { ...request, view, group, search: [], ...(hidden ? { hidden } : {}) }),
      );
    const tasks: (() => Promise<unknown>)[] = [
      loadSearch,
      () => client.query(searchBaseQuery(index)),
      () => client.query(searchTailQuery(index)),
      // What counting the stories of a search or of several topics needs.
      () => client.query(storiesQuery(index)),
      // The first screen of the other orders, read ahead: choosing one shows it in the render it causes.
      ...sortOrders
        .filter((order) => order !== sort)
        .map((order) => firstScreen({ topics: [], sort: order })),
      ...stats.flatMap((topic) => [
        firstScreen({ topics: [topic], sort }),
        () => client.query(topicKeysQuery(index, topic.id)),
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
          .catch(ignore)
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
  }, [client, index, view, group, sort, hidden, key, when]);
}
