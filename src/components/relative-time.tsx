import { formatExactTime, formatRelativeTime } from '../shared/relative-time.ts';

type RelativeTimeProps = { iso: string; now: number };

/** "3 years ago", with the exact date and time on hover and in the machine-readable attribute. */
export function RelativeTime({ iso, now }: RelativeTimeProps) {
  const exact = formatExactTime(iso);
  return (
    <time dateTime={iso} title={exact}>
      {formatRelativeTime(iso, now)}
    </time>
  );
}
