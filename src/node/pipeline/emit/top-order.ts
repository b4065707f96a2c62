import type { Article } from '../../../shared/article-schema.ts';
import { dataPath, type TopBucket, type TopBuckets } from '../../../shared/data-folder.ts';
import { encodeKeyList } from '../../../shared/ranks.ts';
import type { DataFile } from './data-file.ts';
import { byKey } from './keys.ts';

/** The bucket of the "top" order an article is in: its whole quality, or `none`. */
const bucketOf = ({ quality }: Pick<Article, 'quality'>): string =>
  quality === undefined ? 'none' : String(Math.floor(quality));

/**
 * The "top" order (see TopBuckets): `top/buckets.json`, highest quality first and `none` last,
 * and each bucket's keys, ascending (the reader reads them from the newest). `articles` are
 * newest first.
 */
export function topOrderFiles(articles: readonly Article[]): DataFile[] {
  const buckets = new Map<string, number[]>();
  byKey(articles).forEach((article, key) => {
    const name = bucketOf(article);
    const keys = buckets.get(name) ?? [];
    keys.push(key);
    buckets.set(name, keys);
  });
  const names = [...buckets.keys()].sort((a, b) =>
    a === 'none' ? 1 : b === 'none' ? -1 : Number(b) - Number(a),
  );
  const list: TopBuckets = names.map((name) => ({ name, count: buckets.get(name)?.length ?? 0 }));
  return [
    { path: dataPath.topBuckets, data: list },
    ...names.map((name) => {
      const data: TopBucket = { keys: encodeKeyList(buckets.get(name) ?? []) };
      return { path: dataPath.topBucket(name), data };
    }),
  ];
}
