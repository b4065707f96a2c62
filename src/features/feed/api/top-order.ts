import { queryOptions, type QueryClient } from '@tanstack/react-query';
import {
  dataPath,
  rankOfKey,
  type NewsIndex,
  type TopBucket,
  type TopBuckets,
} from '../../../shared/data-folder.ts';
import { decodeKeyList } from '../../../shared/ranks.ts';
import { dataFileKey, dataFileQuery, fetchDataFile } from '../../../lib/data-file.ts';

/**
 * The "top" order (see TopBuckets): `top/buckets.json` lists the buckets, highest first, with
 * their sizes; each bucket's file holds its keys, ascending.
 */
const topBucketsQuery = (index: NewsIndex) => dataFileQuery<TopBuckets>(index, dataPath.topBuckets);

/** One bucket's keys, decoded once when its file arrives: every later read of the order meets them. */
const topBucketQuery = (index: NewsIndex, name: string) =>
  queryOptions({
    queryKey: [...dataFileKey(index, dataPath.topBucket(name)), 'decoded'],
    queryFn: async ({ client, signal }) =>
      decodeKeyList((await fetchDataFile<TopBucket>(client, index, dataPath.topBucket(name), signal)).keys),
    staleTime: 'static',
  });

/** How far a read of the "top" order has got: its positions read. */
export type TopCursor = { kind: 'top'; offset: number };

/**
 * The ranks of the next `want` articles in the "top" order that `member` accepts (all, without
 * it). A bucket's keys ascend; the order reads each from its newest.
 */
export async function readTopRanks(
  client: QueryClient,
  index: NewsIndex,
  member: ((rank: number) => boolean) | undefined,
  cursor: TopCursor,
  want: number,
): Promise<{ ranks: number[]; next: TopCursor | null }> {
  const buckets = await client.query(topBucketsQuery(index));
  const ranks: number[] = [];
  let offset = cursor.offset;
  let start = 0;
  for (const { name, count } of buckets) {
    if (ranks.length === want) break;
    if (offset < start + count) {
      const keys = await client.query(topBucketQuery(index, name));
      for (; offset < start + count && ranks.length < want; offset += 1) {
        const rank = rankOfKey(keys[keys.length - 1 - (offset - start)] ?? 0, index.count.all);
        if (!member || member(rank)) ranks.push(rank);
      }
    }
    start += count;
  }
  return { ranks, next: offset < start ? { kind: 'top', offset } : null };
}
