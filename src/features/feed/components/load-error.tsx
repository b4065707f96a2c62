import { RetryButton } from '../../../components/retry-button.tsx';
import { useOnline } from '../../../hooks/use-online.ts';

type LoadErrorProps = { error: Error; retrying: boolean; onRetry: () => void };

/** What could not be loaded, and a retry; offline, that this view was never kept on this device. */
export function LoadError({ error, retrying, onRetry }: LoadErrorProps) {
  const online = useOnline();
  return (
    <div role="alert" className="load-error">
      {online ? (
        <p>
          <strong>The articles could not be loaded.</strong> {error.message}
        </p>
      ) : (
        <p>
          <strong>This view is not on this device.</strong> You are offline, and its articles were never read
          or saved here. It loads when you are back online; meanwhile, the views you have read still work.
        </p>
      )}
      <RetryButton error={error} retrying={retrying} onRetry={onRetry} />
    </div>
  );
}
