import { formatExactTime, formatRelativeTime } from '../lib/relative-time.ts';

type RelativeTimeProps = { iso: string; now: number | null };

/**
 * "3 years ago", with the exact date and time on hover and in the machine-readable attribute.
 * Without a `now` (a page rendered at build time), the day of the date, as UTC writes it.
 */
export function RelativeTime({ iso, now }: RelativeTimeProps) {
  if (now === null) return <time dateTime={iso}>{iso.slice(0, 10)}</time>;
  return (
    <time dateTime={iso} title={formatExactTime(iso)}>
      {formatRelativeTime(iso, now)}
    </time>
  );
}
