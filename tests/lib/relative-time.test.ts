import { describe, expect, it } from 'vitest';
import { pluralize } from '../../src/lib/plural.ts';
import { formatExactTime, formatRelativeTime } from '../../src/lib/relative-time.ts';

const now = Date.parse('2024-03-04T12:00:00Z');

describe('dates', () => {
  it.each([
    ['2024-03-04T11:59:30Z', 'just now'],
    ['2024-03-04T11:55:00Z', '5 minutes ago'],
    ['2024-03-04T09:00:00Z', '3 hours ago'],
    ['2024-03-03T12:00:00Z', 'yesterday'],
    ['2024-02-19T12:00:00Z', '2 weeks ago'],
    ['2021-03-04T07:00:00Z', '3 years ago'],
    ['2024-03-04T14:00:00Z', 'in 2 hours'],
  ])('says %s is %j', (iso, expected) => {
    expect(formatRelativeTime(iso, now)).toBe(expected);
  });

  it('gives the exact moment for the tooltip', () => {
    expect(formatExactTime('2021-03-04T07:00:00Z', 'en', 'UTC')).toBe('March 4, 2021 at 7:00 AM');
  });

  it('counts in words', () => {
    expect(pluralize(0, 'article')).toBe('0 articles');
    expect(pluralize(1, 'article')).toBe('1 article');
    expect(pluralize(131, 'article')).toBe('131 articles');
  });
});
