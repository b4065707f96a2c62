import { useCallback, useMemo, useSyncExternalStore } from 'react';
import { storyOfPath } from '../../../shared/story-paths.ts';
import { formatFeedParams, parseFeedParams, type FeedParams } from '../utils/feed-params.ts';

const navigationEvent = 'news:navigate';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange);
  window.addEventListener(navigationEvent, onChange);
  return () => {
    window.removeEventListener('popstate', onChange);
    window.removeEventListener(navigationEvent, onChange);
  };
}

const readLocation = () => `${window.location.pathname}${window.location.search}`;

type SetParams = (next: FeedParams, options?: { replace?: boolean }) => void;

/**
 * The reader's choices, read from and written to the URL. Every change is a history entry (but
 * `replace` for the keystrokes of one search), so Back and Forward step through filters and a
 * copied link opens the same view.
 */
export function useFeedParams(): [FeedParams, SetParams] {
  const location = useSyncExternalStore(subscribe, readLocation, () => '');
  const params = useMemo(() => {
    const url = new URL(location, 'http://reader');
    const parsed = parseFeedParams(url.search);
    // A story's page is the reader on that story.
    return parsed.story === '' ? { ...parsed, story: storyOfPath(url.pathname) } : parsed;
  }, [location]);
  const setParams = useCallback<SetParams>((next, options) => {
    const query = formatFeedParams(next, window.location.search);
    // From a story's page, every view is the reader's own address (the story, if any, in the query).
    const pathname =
      storyOfPath(window.location.pathname) === '' ? window.location.pathname : import.meta.env.BASE_URL;
    const url = `${pathname}${query}${window.location.hash}`;
    if (url === `${window.location.pathname}${window.location.search}${window.location.hash}`) return;
    if (options?.replace) window.history.replaceState(null, '', url);
    else window.history.pushState(null, '', url);
    window.dispatchEvent(new Event(navigationEvent));
  }, []);
  return [params, setParams];
}
