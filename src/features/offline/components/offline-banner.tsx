import { useOnline } from '../../../hooks/use-online.ts';

/**
 * Says, while the device is offline, that the reader shows what this device has kept. The live
 * region is always there, so that the change is announced.
 */
export function OfflineBanner() {
  const online = useOnline();
  return (
    <div aria-live="polite" className="offline-banner" hidden={online}>
      {!online && (
        <p>
          <strong>You are offline.</strong> The reader shows what this device has kept: the views you have
          read, and the topics saved for offline.
        </p>
      )}
    </div>
  );
}
