type LoadErrorProps = { error: Error; retrying: boolean; onRetry: () => void };

export function LoadError({ error, retrying, onRetry }: LoadErrorProps) {
  return (
    <div role="alert" className="load-error">
      <p>
        <strong>The articles could not be loaded.</strong> {error.message}
      </p>
      <button type="button" onClick={onRetry} disabled={retrying}>
        {retrying ? 'Retrying…' : 'Try again'}
      </button>
    </div>
  );
}
