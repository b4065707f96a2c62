import { useQueryClient } from '@tanstack/react-query';
import type { ArticleSummary } from '../shared/article-schema.ts';
import type { NewsIndex } from '../shared/data-folder.ts';
import { useMemo } from 'react';
import { savedAsSummary, savedCopy, savedMatching } from '../features/marks/utils/reading-marks.ts';
import type { SearchQuery } from '../lib/search-query.ts';
import { coverageQuery } from '../features/related/api/related-query.ts';
import { useChangeMarks, useMarks, useMarksLoaded } from '../features/marks/api/marks.ts';
import { useLatestCallback } from '../hooks/use-latest-callback.ts';

/**
 * Read and saved, as the feed uses them, and the Saved view's articles. Opening a source marks its whole story read, as Feedly
 * does: the card's article at once, the story's other articles (listed in its panel's file) as
 * soon as that file is at hand.
 */
export function useReaderMarks(index: NewsIndex, search: SearchQuery, topics: readonly string[]) {
  const marks = useMarks();
  const marksLoaded = useMarksLoaded();
  const change = useChangeMarks();
  const client = useQueryClient();

  /** The source URLs of the story of `article` other than its own (none for an article alone). */
  const otherReports = async (article: ArticleSummary): Promise<string[]> => {
    if (!article.story) return [];
    const coverage = await client.query(coverageQuery(index, article.rank));
    return coverage.sameStory.map((item) => item.url);
  };

  const setRead = (article: ArticleSummary, read: boolean) => {
    const mark = (urls: string[]) =>
      change(urls, (before, url) => {
        const { readAt: _, ...rest } = before ?? { url };
        return read ? { ...rest, readAt: Date.now() } : rest;
      });
    mark([article.url]);
    otherReports(article).then(mark, () => undefined);
  };

  const onMark = useLatestCallback((article: ArticleSummary, action: 'open' | 'read' | 'save') => {
    if (action === 'open') setRead(article, true);
    else if (action === 'read') setRead(article, marks.get(article.url)?.readAt === undefined);
    else
      change([article.url], (before, url) => {
        const { saved, ...rest } = before ?? { url };
        return saved ? rest : { ...rest, saved: savedCopy(article, Date.now()) };
      });
  });

  /** The saved articles the search and topics match, as cards; and how many are saved in all. */
  const saved = useMemo(
    () => savedMatching(marks.values(), { search: search.clauses, topics }).map(savedAsSummary),
    [marks, search, topics],
  );
  const savedCount = useMemo(() => [...marks.values()].filter((mark) => mark.saved).length, [marks]);

  return { marks, marksLoaded, onMark, saved, savedCount };
}
