import { createPortal } from 'react-dom';
import { useRegisterSW } from 'virtual:pwa-register/react';
import { useNewsIndex } from '../../../lib/news-index.ts';
import { fetchAll } from '../api/save-topic.ts';

/** How often an open page asks whether a new build was deployed, besides when it comes back into view. */
const checkEveryMs = 30 * 60 * 1000;

/**
 * The first cards are read before the worker is there, and it keeps only what passes through it:
 * every data file the page fetched without it (a resource entry with no `workerStart`) is asked
 * for again once it is in charge (the browser's HTTP cache answers), so that it keeps them too.
 */
function keepWhatWasRead(base: string): void {
  const dataFolder = new URL(base, window.location.href).href;
  const missed = new Set<string>();
  const keep = () => {
    if (!navigator.serviceWorker.controller || missed.size === 0) return;
    const urls = [...missed];
    missed.clear();
    void fetchAll(urls, () => undefined).catch(() => undefined);
  };
  new PerformanceObserver((entries) => {
    for (const entry of entries.getEntries() as PerformanceResourceTiming[]) {
      if (entry.workerStart === 0 && entry.name.startsWith(dataFolder)) missed.add(entry.name);
    }
    keep();
  }).observe({ type: 'resource', buffered: true });
  navigator.serviceWorker.addEventListener('controllerchange', keep);
}

function checkForUpdates(registration: ServiceWorkerRegistration | undefined): void {
  if (!registration) return;
  const check = () => void registration.update().catch(() => undefined);
  setInterval(check, checkEveryMs);
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') check();
  });
}

/**
 * Registers the service worker (production builds only: the page loads this module after its
 * first cards) and says when the reader works offline, and when a new build is ready: the new
 * version waits until the reader chooses to reload.
 */
export default function UpdatePrompt() {
  const { base } = useNewsIndex();
  const {
    needRefresh: [needRefresh, setNeedRefresh],
    offlineReady: [offlineReady, setOfflineReady],
    updateServiceWorker,
  } = useRegisterSW({
    onRegisteredSW: (_, registration) => {
      keepWhatWasRead(base);
      checkForUpdates(registration);
    },
  });
  // On the page's body: above the feed, whatever the stacking of the sidebar that renders it.
  return createPortal(
    <section
      aria-label="Updates"
      aria-live="polite"
      className="update-prompt"
      hidden={!needRefresh && !offlineReady}
    >
      {needRefresh ? (
        <>
          <p>A new version of the reader is ready.</p>
          <button type="button" onClick={() => void updateServiceWorker(true)}>
            Reload
          </button>
          <button type="button" className="link-button" onClick={() => setNeedRefresh(false)}>
            Later
          </button>
        </>
      ) : (
        <>
          <p>The reader now works offline.</p>
          <button type="button" className="link-button" onClick={() => setOfflineReady(false)}>
            Close
          </button>
        </>
      )}
    </section>,
    document.body,
  );
}
