import { useEffect, useState } from 'react';

/**
 * Whether the page has finished loading (its `load` event: the script, the styles and the first
 * card's image): what can wait (the keyboard, the service worker, reading ahead) waits for it, so
 * that it takes no bandwidth from the first screen.
 */
export function usePageLoaded(): boolean {
  const [loaded, setLoaded] = useState(() => document.readyState === 'complete');
  useEffect(() => {
    if (loaded) return;
    const done = () => setLoaded(true);
    window.addEventListener('load', done, { once: true });
    return () => window.removeEventListener('load', done);
  }, [loaded]);
  return loaded;
}
