import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import {
  cardOf,
  dataPath,
  type NewsIndex,
  type TopicKeys,
  type TopicStat,
} from '../../../shared/data-folder.ts';
import { flaggedRanks, rankFlags } from '../../../shared/ranks.ts';
import { fetchJson, pieceUrl } from '../../../lib/data-file.ts';

/** Requests in flight at once while saving: enough to fill the pipe, few enough to leave room for the reader. */
const parallel = 4;

/** Fetches every file, `parallel` at a time, reporting how many are done; the service worker keeps each. */
export async function fetchAll(urls: readonly string[], onDone: () => void): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < urls.length) {
      const url = urls[next];
      next += 1;
      if (url === undefined) continue;
      const response = await fetch(url);
      if (!response.ok) throw new Error(`The server answered ${response.status} for ${url}.`);
      await response.arrayBuffer();
      onDone();
    }
  };
  await Promise.all(Array.from({ length: parallel }, worker));
}

export type SaveProgress = { done: number; total: number };

/**
 * Fetches everything a topic's view reads, so that the service worker keeps it for offline
 * reading: the topic's ranks, the full feed's pages that hold its cards and their related
 * coverage, the stories (for grouping) and the list of topics. Nothing but the manifests is kept
 * in memory. Returns how many articles the topic has.
 */
export async function saveTopicOffline(
  client: QueryClient,
  index: NewsIndex,
  topic: TopicStat,
  onProgress: (progress: SaveProgress) => void,
): Promise<number> {
  // Where each piece is comes from the manifests, which the query cache keeps (they are small).
  const url = (file: string) => pieceUrl(client, index, file);
  const ranks = await fetchJson<TopicKeys>(await url(dataPath.topicKeys(topic.id)));
  // The full feed's pages that hold the topic's cards, and the related coverage of each.
  const pages = new Set<number>();
  for (const rank of flaggedRanks(rankFlags(index.count.all, [ranks.all]))) {
    pages.add(cardOf(rank, index).page);
  }
  const files = [
    dataPath.stories,
    dataPath.topics,
    ...[...pages].flatMap((page) => [dataPath.page(page), dataPath.relatedPage(page)]),
  ];
  const progress = { done: 0, total: files.length };
  onProgress({ ...progress });
  await fetchAll(await Promise.all(files.map(url)), () => {
    progress.done += 1;
    onProgress({ ...progress });
  });
  return topic.all;
}

/** "Save for offline" as a mutation: pending while the files come, then how many articles were kept. */
export function useSaveTopicOffline(index: NewsIndex, onProgress: (progress: SaveProgress) => void) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (topic: TopicStat) => saveTopicOffline(client, index, topic, onProgress),
  });
}
