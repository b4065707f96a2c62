import { useState } from 'react';
import { createPortal } from 'react-dom';
import { useRegisterSW } from 'virtual:pwa-register/react';
import { useNewsIndex } from '../../../lib/news-index.ts';
import { reloadPage } from '../../../lib/reload-page.ts';
import { archiveReplaced } from '../api/deployed-archive.ts';
import { fetchAll } from '../api/save-topic.ts';

/**
 * How often an open page asks whether a new build of the app or new articles were deployed,
 * besides when it comes back into view.
 */
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

/** Asks for a new worker (a new build of the app) and a new archive, now and then (see checkEveryMs). */
function checkForUpdates(
  registration: ServiceWorkerRegistration | undefined,
  checkArchive: () => void,
): void {
  if (!registration) return;
  const check = () => {
    void registration.update().catch(() => undefined);
    checkArchive();
  };
  // The page itself may be old (kept offline, or served after a slow network's 3 s): asked at once too.
  checkArchive();
  setInterval(check, checkEveryMs);
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') check();
  });
}

/**
 * Registers the service worker (production builds only: the page loads this module after its
 * first cards) and says when the reader works offline, and when a new build or new articles are
 * there: the page reads on from what it opened with (see ArchiveReplacedError) until the reader
 * chooses to reload.
 */
export default function UpdatePrompt() {
  const index = useNewsIndex();
  const [newArchive, setNewArchive] = useState(false);
  const {
    needRefresh: [needRefresh, setNeedRefresh],
    offlineReady: [offlineReady, setOfflineReady],
    updateServiceWorker,
  } = useRegisterSW({
    onRegisteredSW: (_, registration) => {
      keepWhatWasRead(index.base);
      checkForUpdates(
        registration,
        () => void archiveReplaced(index).then((replaced) => replaced && setNewArchive(true)),
      );
    },
  });
  // On the page's body: above the feed, whatever the stacking of the sidebar that renders it.
  return createPortal(
    <section
      aria-label="Updates"
      aria-live="polite"
      className="update-prompt"
      hidden={!needRefresh && !offlineReady && !newArchive}
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
      ) : newArchive ? (
        <>
          <p>New articles are in.</p>
          <button type="button" onClick={reloadPage}>
            Reload
          </button>
          <button type="button" className="link-button" onClick={() => setNewArchive(false)}>
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
