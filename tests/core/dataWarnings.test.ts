import { describe, expect, it } from 'vitest';
import { sickDataRange, sickDaysWithoutEmployment } from '../../src/core/dataWarnings.js';
import type { Dataset, EmploymentRow, SickSegment } from '../../src/core/types.js';

function employment(employmentId: string, validFrom: string, validTo: string | null, line: number): EmploymentRow {
  return {
    employmentId, name: 'Test Testsson', administration: 'F', department: 'A', operation: 'V', unitId: 'E1', unitName: 'Enhet 1',
    managerName: 'Chef', managerEmail: 'chef@exempel.se', employmentRate: 100, gender: null, birthYear: null, validFrom, validTo, line,
  };
}
const segment = (employmentId: string, from: string, to: string | null, line: number): SickSegment => ({ employmentId, from, to, extent: 100, line });

const employments = [employment('A', '2026-01-01', '2026-01-31', 2), employment('A', '2026-02-10', null, 3), employment('B', '2026-03-05', null, 4)];

describe('sickDaysWithoutEmployment', () => {
  const dataset: Dataset = {
    employments,
    sickSegments: [
      segment('A', '2026-01-25', '2026-02-15', 2), // Feb 1–9 uncovered: 9 days
      segment('B', '2026-03-01', null, 3), // ongoing to as-of Mar 10, employed from Mar 5: Mar 1–4 = 4 days
      segment('X', '2026-01-01', '2026-01-03', 4), // no employment at all: 3 days
      segment('A', '2026-01-05', '2026-01-06', 5), // covered
      segment('B', '2026-04-01', null, 6), // starts after as-of: no days
    ],
    cases: [],
  };

  it('counts per segment the days with no valid employment row, ongoing segments up to as-of', () => {
    expect(sickDaysWithoutEmployment(dataset, { from: '2026-01-01', to: '2026-12-31' }, '2026-03-10')).toEqual([
      { code: 'sick_day_without_employment', file: 'sjukfranvaro.csv', line: 2, days: 9 },
      { code: 'sick_day_without_employment', file: 'sjukfranvaro.csv', line: 3, days: 4 },
      { code: 'sick_day_without_employment', file: 'sjukfranvaro.csv', line: 4, days: 3 },
    ]);
  });

  it('counts only days inside the range', () => {
    // Feb 5–Mar 31: segment 2 clipped to Feb 5–15, Feb 5–9 uncovered = 5; segment 3 whole (4); segment 4 outside
    expect(sickDaysWithoutEmployment(dataset, { from: '2026-02-05', to: '2026-03-31' }, '2026-03-10')).toEqual([
      { code: 'sick_day_without_employment', file: 'sjukfranvaro.csv', line: 2, days: 5 },
      { code: 'sick_day_without_employment', file: 'sjukfranvaro.csv', line: 3, days: 4 },
    ]);
    // Mar 3–31: segment 3 clipped to Mar 3–10, Mar 3–4 uncovered = 2
    expect(sickDaysWithoutEmployment(dataset, { from: '2026-03-03', to: '2026-03-31' }, '2026-03-10')).toEqual([
      { code: 'sick_day_without_employment', file: 'sjukfranvaro.csv', line: 3, days: 2 },
    ]);
  });

  it('does not count a day twice when employment rows overlap', () => {
    const overlapping: Dataset = {
      employments: [employment('C', '2026-01-01', '2026-01-20', 2), employment('C', '2026-01-10', '2026-01-31', 3)],
      sickSegments: [segment('C', '2026-01-01', '2026-02-02', 2)], // Feb 1–2 uncovered
      cases: [],
    };
    expect(sickDaysWithoutEmployment(overlapping, { from: '2026-01-01', to: '2026-12-31' }, '2026-06-01')).toEqual([
      { code: 'sick_day_without_employment', file: 'sjukfranvaro.csv', line: 2, days: 2 },
    ]);
  });
});

describe('sickDataRange', () => {
  it('runs from the first sick day to the last, an ongoing segment to as-of', () => {
    expect(sickDataRange([segment('A', '2026-01-25', '2026-02-15', 2), segment('B', '2026-03-01', null, 3)], '2026-03-10')).toEqual({ from: '2026-01-25', to: '2026-03-10' });
    expect(sickDataRange([segment('A', '2026-01-25', '2026-05-15', 2), segment('B', '2026-03-01', null, 3)], '2026-03-10')).toEqual({ from: '2026-01-25', to: '2026-05-15' });
  });

  it('is null without sick leave', () => {
    expect(sickDataRange([], '2026-03-10')).toBeNull();
  });
});
