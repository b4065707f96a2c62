import { pluralize } from '../../../shared/plural.ts';

type StatusLineProps = { count: number | undefined };

/** Always says how many articles match; screen readers hear every change. */
export function StatusLine({ count }: StatusLineProps) {
  return (
    <p role="status" className="status-line">
      {count === undefined ? 'Loading articles…' : pluralize(count, 'article')}
    </p>
  );
}
