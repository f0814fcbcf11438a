import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromDayNumber, toDayNumber } from '../../src/core/calendarDate.js';

const pad = (value: number, width: number): string => String(value).padStart(width, '0');

describe('toDayNumber', () => {
  it('counts days from 1970-01-01 (hand-checked: 2027-02-10 is 20 859 days after it)', () => {
    // 57 years of 365 days + 14 leap days (1972–2024) + 31 (January) + 9 = 20 859
    expect(toDayNumber('2027-02-10')).toBe(57 * 365 + 14 + 31 + 9);
    expect(toDayNumber('1970-01-01')).toBe(0);
    expect(toDayNumber('1969-12-31')).toBe(-1);
    expect(toDayNumber('2000-03-01') - toDayNumber('2000-02-28')).toBe(2); // 2000 is a leap year
    expect(toDayNumber('2100-03-01') - toDayNumber('2100-02-28')).toBe(1); // 2100 is not
  });

  it('agrees with Date.UTC for every date string of the ISO shape, also days and months out of range', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 99 }), (year, month, day) => {
        const text = `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
        expect(toDayNumber(text)).toBe(Date.UTC(year, month - 1, day) / 86_400_000);
      }),
      { numRuns: 20_000 },
    );
  });

  it('round-trips with fromDayNumber', () => {
    fc.assert(
      fc.property(fc.integer({ min: -25_000, max: 60_000 }), (dayNumber) => {
        expect(toDayNumber(fromDayNumber(dayNumber))).toBe(dayNumber);
      }),
    );
  });

  it('refuses what is not an ISO date', () => {
    for (const text of ['2027-2-10', '20270210', '2027-02-1x', '']) expect(() => toDayNumber(text)).toThrow(RangeError);
  });
});
