import { useEffect, useState } from 'react';

/**
 * Whether the page has finished loading (its `load` event: the script, the styles and the first
 * card's image): what can wait (the keyboard, the service worker, reading ahead) waits for it, so
 * that it takes no bandwidth from the first screen. False at first, whatever the page's state, as
 * in the page rendered at build time, which the browser's first render must match.
 */
export function usePageLoaded(): boolean {
  const [loaded, setLoaded] = useState(false);
  useEffect(() => {
    const done = () => setLoaded(true);
    if (document.readyState === 'complete') done();
    else window.addEventListener('load', done, { once: true });
    return () => window.removeEventListener('load', done);
  }, []);
  return loaded;
}
