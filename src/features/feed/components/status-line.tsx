import { pluralize } from '../../../shared/plural.ts';

type StatusLineProps = { state: 'pending' | 'error' | 'success'; count: number };

/** Always says how many articles match; screen readers hear every change. */
export function StatusLine({ state, count }: StatusLineProps) {
  return (
    <p role="status" className="status-line">
      {state === 'pending'
        ? 'Loading articles…'
        : state === 'error'
          ? 'No articles loaded'
          : pluralize(count, 'article')}
    </p>
  );
}
