import type { Article } from '../../../shared/article-schema.ts';
import { dataPath } from '../../../shared/data-folder.ts';
import { idFileCount, idFileOf, urlFileCount, urlFileOf } from '../../../shared/url-lookup.ts';
import type { DataFile } from './data-file.ts';
import { byKey } from './keys.ts';

/** `u/<n>.json`: each article's key by its source URL (see url-lookup.ts). */
export const urlFiles = (articles: readonly Article[]): DataFile[] =>
  lookupFiles(articles, ({ url }) => url, urlFileCount, urlFileOf, dataPath.urlKeys);

/** `i/<n>.json`: each article's key by its id (see url-lookup.ts). */
export const idFiles = (articles: readonly Article[]): DataFile[] =>
  lookupFiles(articles, ({ id }) => id, idFileCount, idFileOf, dataPath.idKeys);

/** Each article's key by `nameOf` it, in the files a hash of the name picks. */
function lookupFiles(
  articles: readonly Article[],
  nameOf: (article: Article) => string,
  fileCount: (articles: number) => number,
  fileOf: (name: string, articles: number) => number,
  pathOf: (file: number) => string,
): DataFile[] {
  const count = articles.length;
  const files: Record<string, number>[] = Array.from({ length: fileCount(count) }, () => ({}));
  // Oldest first: a file's names in the order of their keys, so a new article appends to its file.
  byKey(articles).forEach((article, key) => {
    const name = nameOf(article);
    (files[fileOf(name, count)] as Record<string, number>)[name] = key;
  });
  return files.map((data, file) => ({ path: pathOf(file), data }));
}
