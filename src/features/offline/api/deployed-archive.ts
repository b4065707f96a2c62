import { fetchJson, newsKey } from '../../../lib/data-file.ts';
import { indexUrl } from '../../../lib/news-index.ts';
import type { NewsIndex } from '../../../shared/data-folder.ts';

/**
 * Whether the site now serves another archive than `index` describes: its index, asked of the
 * server itself (not of a cache), names other pieces. A deploy that only changes articles leaves
 * the app and its service worker as they were, so this is how an open page learns of it. An
 * answer that cannot be read says nothing new.
 */
export function archiveReplaced(index: NewsIndex): Promise<boolean> {
  return fetchJson<NewsIndex>(indexUrl, undefined, 'no-cache').then(
    (deployed) => newsKey(deployed).join('/') !== newsKey(index).join('/'),
    () => false,
  );
}
