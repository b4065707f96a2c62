const units: readonly [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
];

// Building an Intl formatter costs far more than using one: one of each per locale and zone.
const relativeFormats = new Map<string, Intl.RelativeTimeFormat>();
const exactFormats = new Map<string, Intl.DateTimeFormat>();

function relativeFormat(locale: string): Intl.RelativeTimeFormat {
  let format = relativeFormats.get(locale);
  if (!format) {
    format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
    relativeFormats.set(locale, format);
  }
  return format;
}

/** "3 years ago", "yesterday", "in 2 hours", "just now". */
export function formatRelativeTime(iso: string, now: number, locale = 'en'): string {
  const seconds = Math.round((Date.parse(iso) - now) / 1000);
  const format = relativeFormat(locale);
  for (const [unit, size] of units) {
    if (Math.abs(seconds) >= size) return format.format(Math.trunc(seconds / size), unit);
  }
  return 'just now';
}

/** "March 4, 2021 at 7:00 AM UTC": the exact moment, for the tooltip. */
export function formatExactTime(iso: string, locale = 'en', timeZone?: string): string {
  const key = `${locale} ${timeZone ?? ''}`;
  let format = exactFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, {
      dateStyle: 'long',
      timeStyle: 'short',
      ...(timeZone ? { timeZone } : {}),
    });
    exactFormats.set(key, format);
  }
  return format.format(new Date(iso));
}
