import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toUtcIso } from '../../src/shared/published-date.ts';

describe('toUtcIso', () => {
  it.each([
    ['2021-03-04T07:00:00Z', '2021-03-04T07:00:00.000Z'],
    ['2021-03-04T09:30:00+02:30', '2021-03-04T07:00:00.000Z'],
    ['2021-03-04T02:00:00-0500', '2021-03-04T07:00:00.000Z'],
    ['2021-03-04T07:00:00.123Z', '2021-03-04T07:00:00.123Z'],
    ['2021-03-04 07:00', '2021-03-04T07:00:00.000Z'],
    ['2021-03-04', '2021-03-04T00:00:00.000Z'],
  ])('reads %j as %j', (input, expected) => {
    expect(toUtcIso(input)).toBe(expected);
  });

  it('reads a date without a zone as UTC, whatever the machine', () => {
    expect(toUtcIso('2021-03-04T07:00:00')).toBe('2021-03-04T07:00:00.000Z');
  });

  it.each([
    'yesterday',
    '2021-02-30T00:00:00Z',
    '2021-13-01',
    '2021-03-04T25:00:00Z',
    '04/03/2021',
    '',
    '2021',
  ])('refuses %j', (input) => {
    expect(toUtcIso(input)).toBeUndefined();
  });

  it('takes a date already in its answer form as it is, and still refuses a day that does not exist', () => {
    expect(toUtcIso('2019-03-27T12:47:29.072Z')).toBe('2019-03-27T12:47:29.072Z');
    expect(toUtcIso('2020-02-29T23:59:59.999Z')).toBe('2020-02-29T23:59:59.999Z');
    for (const impossible of [
      '2021-02-29T00:00:00.000Z',
      '2021-04-31T12:00:00.000Z',
      '2021-03-04T24:00:00.000Z',
    ]) {
      expect(toUtcIso(impossible), impossible).toBeUndefined();
    }
  });

  it('agrees with the Date parser on every text of the answer form, real days or not', () => {
    const digits = (length: number, max: number) =>
      fc.integer({ min: 0, max }).map((n) => String(n).padStart(length, '0'));
    const text = fc
      .tuple(
        // Month and day ends are where days go missing: February, and the 29th to the 31st.
        fc.oneof(fc.integer({ min: 1000, max: 9999 }), fc.constantFrom(1900, 2000, 2024, 2100)),
        fc.oneof(digits(2, 19), fc.constant('02')),
        fc.oneof(digits(2, 39), fc.constantFrom('28', '29', '30', '31')),
        digits(2, 29),
        digits(2, 69),
        digits(2, 69),
        digits(3, 999),
      )
      .map(
        ([year, month, day, hour, minute, second, ms]) =>
          `${year}-${month}-${day}T${hour}:${minute}:${second}.${ms}Z`,
      );
    fc.assert(
      fc.property(text, (value) => {
        const time = Date.parse(value);
        const real = !Number.isNaN(time) && new Date(time).toISOString() === value;
        expect(toUtcIso(value)).toBe(real ? value : undefined);
      }),
      { numRuns: 5000 },
    );
  });

  it('refuses values that are not text', () => {
    expect(toUtcIso(20210304)).toBeUndefined();
    expect(toUtcIso(null)).toBeUndefined();
  });
});
