// ISO 8601 calendar date, optionally with a time and a zone (Z or ±hh:mm / ±hhmm / ±hh).
const isoPattern =
  /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?\s*(Z|z|[+-]\d{2}(?::?\d{2})?)?)?$/;

/** The form of `Date.prototype.toISOString` for years 1000 to 9999. */
const canonical = /^[1-9]\d{3}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/**
 * Parses an ISO 8601 date or date-time and returns it as a UTC ISO string, or undefined when
 * the text is not ISO 8601 or names a day that does not exist (2021-02-30).
 * A date-time without a zone is read as UTC, so the result never depends on the build machine.
 */
export function toUtcIso(value: unknown): string | undefined {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value.toISOString();
  if (typeof value !== 'string') return undefined;
  // Most dates are written as the answer already is (2021-03-04T07:00:00.000Z): when the day and
  // time exist, nothing needs converting (and a Date would cost more than the whole check).
  if (canonical.test(value) && canonicalExists(value)) return value;
  const match = isoPattern.exec(value.trim());
  if (!match) return undefined;
  const [, year, month, day, hour = '00', minute = '00', second = '00', fraction = '', zone] = match;
  const millis = Number(`0.${fraction || '0'}`) * 1000;
  const utc = Date.UTC(
    Number(year),
    Number(month) - 1,
    Number(day),
    Number(hour),
    Number(minute),
    Number(second),
    Math.floor(millis),
  );
  const check = new Date(utc);
  if (
    check.getUTCFullYear() !== Number(year) ||
    check.getUTCMonth() !== Number(month) - 1 ||
    check.getUTCDate() !== Number(day) ||
    Number(hour) > 23 ||
    Number(minute) > 59 ||
    Number(second) > 59
  ) {
    return undefined;
  }
  return new Date(utc - zoneOffsetMinutes(zone) * 60_000).toISOString();
}

/** Whether a text of the `canonical` form names a real day and time (no February 30th, no hour 24). */
function canonicalExists(value: string): boolean {
  const year = digitsAt(value, 0, 4);
  const month = digitsAt(value, 5, 2);
  const day = digitsAt(value, 8, 2);
  return (
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month) &&
    digitsAt(value, 11, 2) <= 23 &&
    digitsAt(value, 14, 2) <= 59 &&
    digitsAt(value, 17, 2) <= 59
  );
}

/** The number the `length` decimal digits at `from` write. */
function digitsAt(text: string, from: number, length: number): number {
  let result = 0;
  for (let i = from; i < from + length; i += 1) result = result * 10 + text.charCodeAt(i) - 48;
  return result;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function zoneOffsetMinutes(zone: string | undefined): number {
  if (zone === undefined || zone === 'Z' || zone === 'z') return 0;
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  const hours = Number(digits.slice(0, 2));
  const minutes = Number(digits.slice(2) || '0');
  return sign * (hours * 60 + minutes);
}
