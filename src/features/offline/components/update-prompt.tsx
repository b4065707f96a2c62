import { useRegisterSW } from 'virtual:pwa-register/react';

/** How often an open page asks whether a new build was deployed, besides when it comes back into view. */
const checkEveryMs = 30 * 60 * 1000;

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
  const {
    needRefresh: [needRefresh, setNeedRefresh],
    offlineReady: [offlineReady, setOfflineReady],
    updateServiceWorker,
  } = useRegisterSW({ onRegisteredSW: (_, registration) => checkForUpdates(registration) });
  if (!needRefresh && !offlineReady) return <div aria-live="polite" className="update-prompt" hidden />;
  return (
    <div aria-live="polite" className="update-prompt">
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
    </div>
  );
}
