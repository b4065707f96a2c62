import type { Article } from '../../../shared/article-schema.ts';
import { dataPath } from '../../../shared/data-folder.ts';
import {
  idFileCount,
  idFileOf,
  urlFileCount,
  urlFileOf,
  type IdKeys,
  type UrlKeys,
} from '../../../shared/url-lookup.ts';
import type { DataFile } from './data-file.ts';
import { byKey } from './keys.ts';

/** `u/<n>.json`: each article's key by its source URL (see url-lookup.ts). */
export function urlFiles(articles: readonly Article[]): DataFile[] {
  const count = articles.length;
  const files: UrlKeys[] = Array.from({ length: urlFileCount(count) }, () => ({}));
  // Oldest first: a file's URLs in the order of their keys, so a new article appends to its file.
  byKey(articles).forEach(({ url }, key) => {
    (files[urlFileOf(url, count)] as UrlKeys)[url] = key;
  });
  return files.map((data, file) => ({ path: dataPath.urlKeys(file), data }));
}

/** `i/<n>.json`: each article's key by its id (see url-lookup.ts). */
export function idFiles(articles: readonly Article[]): DataFile[] {
  const count = articles.length;
  const files: IdKeys[] = Array.from({ length: idFileCount(count) }, () => ({}));
  byKey(articles).forEach(({ id }, key) => {
    (files[idFileOf(id, count)] as IdKeys)[id] = key;
  });
  return files.map((data, file) => ({ path: dataPath.idKeys(file), data }));
}
