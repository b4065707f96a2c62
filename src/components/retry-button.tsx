import { ArchiveReplacedError } from '../lib/data-file.ts';
import { reloadPage } from '../lib/reload-page.ts';

type RetryButtonProps = { error: Error; retrying?: boolean; onRetry: () => void; className?: string };

/**
 * "Try again" after a failed load; "Reload" when a newer build has replaced the files this page
 * reads (see ArchiveReplacedError): only the new page can read the new archive.
 */
export function RetryButton({ error, retrying = false, onRetry, className }: RetryButtonProps) {
  if (error instanceof ArchiveReplacedError) {
    return (
      <button type="button" className={className} onClick={reloadPage}>
        Reload
      </button>
    );
  }
  return (
    <button type="button" className={className} onClick={onRetry} disabled={retrying}>
      {retrying ? 'Retrying…' : 'Try again'}
    </button>
  );
}
