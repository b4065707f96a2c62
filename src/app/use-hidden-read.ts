import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { NewsIndex } from '../shared/data-folder.ts';
import type { Marks } from '../features/marks/api/marks.ts';
import { hiddenKey, hiddenRanksQuery } from '../features/feed/api/hidden-ranks.ts';

/**
 * "Hide read": the articles read when it was switched on (or when the page opened with it) are
 * left out. Articles read afterwards stay where they are, dimmed, so that the list does not move
 * under the reader; switching it off and on again hides them too. Returns the key a request
 * names them by once their ranks are known, and whether they are still being looked up.
 */
export function useHiddenRead(
  index: NewsIndex,
  hideRead: boolean,
  marks: Marks,
  marksLoaded: boolean,
): { hidden?: string; pending: boolean; error?: Error; retry?: () => void } {
  const [snapshot, setSnapshot] = useState<readonly string[] | null>(null);
  const [was, setWas] = useState({ hideRead, marksLoaded });
  if (was.hideRead !== hideRead || was.marksLoaded !== marksLoaded) {
    // Taken during render (React's way to adjust state to a prop change), not in an effect.
    setWas({ hideRead, marksLoaded });
    setSnapshot(null);
  }
  if (hideRead && marksLoaded && snapshot === null) {
    setSnapshot(
      [...marks.values()]
        .filter((mark) => mark.readAt !== undefined)
        .map((mark) => mark.url)
        .sort(),
    );
  }
  const urls = snapshot ?? [];
  const ranks = useQuery({ ...hiddenRanksQuery(index, urls), enabled: snapshot !== null });
  if (!hideRead) return { pending: false };
  if (ranks.isError) return { pending: false, error: ranks.error, retry: () => void ranks.refetch() };
  return ranks.isSuccess ? { hidden: hiddenKey(urls), pending: false } : { pending: true };
}
