import { describe, expect, it } from 'vitest';
import { buildSickPeriods, dayNumberOn, periodOn, sickDaysUpTo, sickPeriodsOfEmployment } from '../../src/core/sickPeriods.js';
import type { SickSegment } from '../../src/core/types.js';

const segment = (from: string, to: string | null, extent = 100): SickSegment => ({ employmentId: 'A1', from, to, extent, line: 2 });
const options = { relapseGapDays: 5, asOf: '2027-02-10' };

describe('sick periods (SPEC §3, sjuklönelagen 7 §)', () => {
  it('a relapse after exactly 5 well days continues the period; after 6 it starts a new one', () => {
    // 1–10 Jan sick, 11–15 well (5 days), 16 Jan sick → same period, day 11
    const five = sickPeriodsOfEmployment('A1', [segment('2027-01-01', '2027-01-10'), segment('2027-01-16', '2027-01-20')], options);
    expect(five).toHaveLength(1);
    expect(dayNumberOn(five[0]!, '2027-01-16')).toBe(11);
    expect(five[0]!.sickDays).toBe(15);
    // 11–16 well (6 days), 17 Jan sick → a new period, day 1
    const six = sickPeriodsOfEmployment('A1', [segment('2027-01-01', '2027-01-10'), segment('2027-01-17', '2027-01-20')], options);
    expect(six).toHaveLength(2);
    expect(dayNumberOn(six[1]!, '2027-01-17')).toBe(1);
  });

  it('adjacent segments (a change of extent) merge and keep counting', () => {
    const periods = sickPeriodsOfEmployment('A1', [segment('2027-01-01', '2027-01-14', 100), segment('2027-01-15', '2027-01-31', 50)], options);
    expect(periods).toHaveLength(1);
    expect(dayNumberOn(periods[0]!, '2027-01-15')).toBe(15);
    expect(periods[0]!.end).toBe('2027-01-31');
  });

  it('an ongoing segment runs to the as-of date, input order does not matter', () => {
    const periods = buildSickPeriods([segment('2027-02-01', null), segment('2027-01-20', '2027-01-28')], options).get('A1')!;
    expect(periods).toHaveLength(1);
    // 20–28 Jan = 9 days, 29–31 Jan well (3), 1–10 Feb = 10 days
    expect(periods[0]!.sickDays).toBe(19);
    expect(dayNumberOn(periods[0]!, '2027-02-10')).toBe(19);
    expect(periodOn(periods, '2027-02-10')?.start).toBe('2027-01-20');
    expect(periodOn(periods, '2027-01-30')).toBeNull();
    expect(sickDaysUpTo(periods[0]!, '2027-01-31')).toBe(9);
  });
});
