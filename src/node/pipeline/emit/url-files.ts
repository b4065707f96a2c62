import type { Article } from '../../../shared/article-schema.ts';
import { dataPath } from '../../../shared/data-folder.ts';
import { urlFileCount, urlFileOf, type UrlRanks } from '../../../shared/url-lookup.ts';
import type { DataFile } from './data-file.ts';

/** `u/<n>.json`: each article's rank by its source URL (see url-lookup.ts). */
export function urlFiles(articles: readonly Article[]): DataFile[] {
  const files: UrlRanks[] = Array.from({ length: urlFileCount(articles.length) }, () => ({}));
  articles.forEach(({ url }, rank) => {
    (files[urlFileOf(url, articles.length)] as UrlRanks)[url] = rank;
  });
  return files.map((data, file) => ({ path: dataPath.urlRanks(file), data }));
}
