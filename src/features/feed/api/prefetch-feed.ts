import { useCallback, useEffect } from 'react';
import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import {
  dataPath,
  type DataPage,
  type NewsIndex,
  type SearchBase,
  type TopicStat,
} from '../../../shared/data-folder.ts';
import { readAll, type Peek } from '../../../shared/feed-stream.ts';
import { typedInitial } from '../../../shared/search-words.ts';
import { sortOrders } from '../../../shared/feed-params.ts';
import { dataFileQuery, loadDataFile } from '../../../lib/data-file.ts';
import { loadSearch, needsSelection, selectionQuery, type FeedRequest } from './feed-selection.ts';
import {
  hiddenOf,
  initialCursor,
  noSelection,
  putFirstScreenInCache,
  readFeed,
  type Cursor,
} from './feed-pages.ts';

/** Fetching ahead what the reader is likely to ask for next, so that it answers from memory. */

/**
 * Loads every file the first screen of `request` reads, and the rank lists a count of several
 * topics needs, so that showing it answers from memory. Not for a search: its files depend on
 * its shards (see usePrefetchSearch).
 */
async function loadFirstScreen(
  client: QueryClient,
  index: NewsIndex,
  request: FeedRequest,
): Promise<unknown> {
  const start: Cursor = initialCursor(request);
  // A topic's or a search's cards are read through its ranks, which the selection holds.
  const selection = needsSelection(request)
    ? (await client.query(selectionQuery(index, request))).ranks
    : noSelection;
  return readAll(
    (peek: Peek) => readFeed(index, request, start, selection, peek, hiddenOf(client, index, request)),
    (file) => loadDataFile<DataPage>(client, index, file),
  );
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
      if (request.search.length === 0) loadFirstScreen(client, index, request).catch(() => undefined);
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
        const base = await loadDataFile<SearchBase>(client, index, dataPath.searchBase);
        // The shards, the newest articles' words, and the stories that counting a search needs.
        const files = [...search.shardsStarting(base, initial), dataPath.searchTail, dataPath.stories];
        await Promise.allSettled(files.map((file) => client.query(dataFileQuery(index, file))));
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
 * file, the stories file, and the first screen and rank list of the topics at the top of the sidebar (`topics`, in
 * sidebar order) in `view`. Never before the first card, never on a connection that asks to save data.
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
    const tasks: (() => Promise<unknown>)[] = [
      loadSearch,
      () => client.query(dataFileQuery(index, dataPath.searchBase)),
      () => client.query(dataFileQuery(index, dataPath.searchTail)),
      // What counting the stories of a search or of several topics needs.
      () => client.query(dataFileQuery(index, dataPath.stories)),
      // The first screen of the other orders, read ahead: choosing one shows it in the same render.
      ...sortOrders
        .filter((order) => order !== sort)
        .map((order) => async () => {
          const request = { view, topics: [], search: [], group, sort: order, ...(hidden ? { hidden } : {}) };
          await loadFirstScreen(client, index, request);
          putFirstScreenInCache(client, index, request);
        }),
      ...stats.flatMap((topic) => [
        // Its first screen, fetched and read ahead: the click shows it in the render it causes.
        async () => {
          const request = { view, topics: [topic], search: [], group, sort, ...(hidden ? { hidden } : {}) };
          await loadFirstScreen(client, index, request);
          putFirstScreenInCache(client, index, request);
        },
        () => client.query(dataFileQuery(index, dataPath.topicKeys(topic.id))),
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
  }, [client, index, view, group, sort, hidden, key, when]);
}
