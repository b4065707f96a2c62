import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { relatedOf, type Coverage, type NewsIndex, type RelatedPage } from '../../../shared/data-folder.ts';
import { dataFileQuery } from '../../../lib/data-file.ts';

/**
 * What the panel of the article at `rank` lists (its story's other articles, its related
 * reading): the feed's pages hold only how many items there are, and the items are in one small
 * file per page of the full feed (see src/shared/data-folder.ts), fetched once and shared by
 * every article of that page, each selecting its own.
 */
export const coverageQuery = (index: NewsIndex, rank: number) => {
  const { file, slot } = relatedOf(rank, index);
  return {
    ...dataFileQuery<RelatedPage>(index, file),
    select: (page: RelatedPage): Coverage => page[slot] ?? { sameStory: [], related: [] },
  };
};

/** The coverage of the article at `rank`, read when its panel opens. */
export function useRelatedCoverage(index: NewsIndex, rank: number) {
  return useQuery(coverageQuery(index, rank));
}

/**
 * Starts loading an article's related coverage when the reader shows the intent to open it (a
 * pointer resting on the button, the button reached with the keyboard), so that the panel opens
 * with its items. A failure is not shown here: the panel's own query meets it again, and says so.
 */
export function usePrefetchRelated(index: NewsIndex): (rank: number) => void {
  const client = useQueryClient();
  return useCallback(
    (rank: number) => {
      client.query(coverageQuery(index, rank)).catch(() => undefined);
    },
    [client, index],
  );
}
