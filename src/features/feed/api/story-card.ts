import { queryOptions, useQuery } from '@tanstack/react-query';
import type { ArticleSummary } from '../../../shared/article-schema.ts';
import { dataPath, rankOfKey, type NewsIndex } from '../../../shared/data-folder.ts';
import { idFileOf, type IdKeys } from '../../../shared/url-lookup.ts';
import { dataFileQuery, newsKey } from '../../../lib/data-file.ts';
import { readCards } from './page-query.ts';

/**
 * The card of the article `id` (a story's address names its first report, see story-paths.ts):
 * its key from the id lookup (`i/<n>.json`, one small file), then its page of the full feed.
 * `null` when the archive has no such article (a link older than a deletion, or mistyped).
 */
export const storyCardQuery = (index: NewsIndex, id: string) =>
  queryOptions({
    queryKey: [...newsKey(index), 'story-card', id] as const,
    staleTime: 'static',
    queryFn: async ({ client }): Promise<ArticleSummary | null> => {
      const file = dataPath.idKeys(idFileOf(id, index.count.all));
      const key = (await client.query(dataFileQuery<IdKeys>(index, file)))[id];
      if (key === undefined) return null;
      const [card] = await readCards(client, index, [rankOfKey(key, index.count.all)]);
      return card ?? null;
    },
  });

/** The card a story's address names; nothing is read without one. */
export function useStoryCard(index: NewsIndex, id: string) {
  return useQuery({ ...storyCardQuery(index, id), enabled: id !== '' });
}
