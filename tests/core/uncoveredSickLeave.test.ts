// SPEC §4 "Sick leave without a case", by hand. As-of 2027-02-10 (2027 is not a leap year).
import { describe, expect, it } from 'vitest';
import { evaluateCases, reportForManager, type CaseChecklistReport } from '../../src/core/caseChecklist.js';
import { DEFAULT_THRESHOLDS, type Thresholds } from '../../src/core/thresholds.js';
import type { EmploymentRow, RehabCase, SickSegment } from '../../src/core/types.js';
import { employment, openCase, sick } from './caseChecklist.builders.js';

const AS_OF = '2027-02-10';

// Opened in December with the health talk soon after; otherwise the checklist tests' open case.
const rehabCase = (caseId: string, employmentId: string, overrides: Partial<RehabCase> = {}): RehabCase =>
  openCase(caseId, employmentId, { openedDate: '2026-12-05', healthTalkDate: '2026-12-10', ...overrides });

const BO = 'bo.berg@exempel.se';
const CIA = 'cia.dahl@exempel.se';

const employments: EmploymentRow[] = [
  // A moved to U2 (manager Bo) on 1 Feb: the row valid on the as-of date gives unit and manager.
  employment('A', { validTo: '2027-01-31' }),
  employment('A', { unitId: 'U2', unitName: 'Hemtjänst Söder', managerEmail: BO, managerName: 'Bo Berg', validFrom: '2027-02-01' }),
  employment('B'),
  employment('C'),
  employment('D'),
  employment('E'),
  employment('F'),
  // H left on 31 Jan but is still on sick leave: its latest row gives unit and manager.
  employment('H', { unitId: 'U3', unitName: 'Nattpatrullen', managerEmail: CIA, managerName: 'Cia Dahl', validTo: '2027-01-31' }),
  employment('I'),
];

const sickSegments: SickSegment[] = [
  // A: 27 Jan..10 Feb = 5 + 10 = day 15 → listed.
  sick('A', '2027-01-27', null),
  // B: 28 Jan..10 Feb = 4 + 10 = day 14 → not yet.
  sick('B', '2027-01-28', null),
  // C, D, E: from 1 Dec = 31 + 31 + 10 = day 72.
  sick('C', '2026-12-01', null),
  sick('D', '2026-12-01', null),
  sick('E', '2026-12-01', null),
  // F: all of November (30 days), 2 days well, then from 3 Dec at 50 % = 29 + 31 + 10 = 70 → day 100, extent 50.
  sick('F', '2026-11-01', '2026-11-30'),
  sick('F', '2026-12-03', null, 50),
  // H: from 1 Jan = 31 + 10 = day 41.
  sick('H', '2027-01-01', null),
  // I: ended yesterday: no current period.
  sick('I', '2026-10-01', '2027-02-09'),
];

const cases: RehabCase[] = [
  // C's case is closed: no follow-up.
  rehabCase('R-C', 'C', { status: 'avslutat', closedDate: '2027-01-20' }),
  // D's case is opened after the as-of date: not open yet.
  rehabCase('R-D', 'D', { openedDate: '2027-02-15' }),
  // E's case is open: covered.
  rehabCase('R-E', 'E'),
];

function run(thresholds: Partial<Thresholds> = {}): CaseChecklistReport {
  return evaluateCases({ employments, sickSegments, cases }, { asOf: AS_OF, thresholds: { ...DEFAULT_THRESHOLDS, ...thresholds }, repeatedShortTerm: [] });
}

describe('sick leave without a case', () => {
  const report = run();

  it('lists day 15 but not day 14, a closed case and a case opened after the as-of date; highest day first', () => {
    expect(report.uncoveredSickLeave.map((entry) => [entry.employmentId, entry.dayNumber])).toEqual([
      ['F', 100],
      ['C', 72], // same day as D: employment id order
      ['D', 72],
      ['H', 41],
      ['A', 15],
    ]);
  });

  it('gives unit, manager, period start, the extent on the as-of date and the next milestone', () => {
    const byId = new Map(report.uncoveredSickLeave.map((entry) => [entry.employmentId, entry]));
    // F: day 100 → day 180 in 80 days: 28 Feb (18), 31 Mar (49), 30 Apr (79), 1 May (80).
    expect(byId.get('F')).toMatchObject({ unitId: 'U1', manager: 'ada.chefsson@exempel.se', periodStart: '2026-11-01', extent: 50, nextMilestone: { day: 180, date: '2027-05-01' } });
    // A: day 15 → day 90 in 75 days: 28 Feb (18), 31 Mar (49), 26 Apr (75).
    expect(byId.get('A')).toMatchObject({ unitId: 'U2', unitName: 'Hemtjänst Söder', manager: BO, periodStart: '2027-01-27', extent: 100, nextMilestone: { day: 90, date: '2027-04-26' } });
    expect(byId.get('H')).toMatchObject({ unitId: 'U3', manager: CIA, periodStart: '2027-01-01' });
  });

  it('counts per manager, also for managers without open cases', () => {
    const counts = report.managers.map((summary) => [summary.manager, summary.cases, summary.uncoveredSickLeave]);
    // Ada: E's open case; C, D and F without one. Bo: A. Cia: H.
    expect(counts).toEqual([
      ['ada.chefsson@exempel.se', 1, 3],
      [BO, 0, 1],
      [CIA, 0, 1],
    ]);
  });

  it('a manager’s part of the report keeps only her sick leave without a case', () => {
    expect(reportForManager(report, 'BO.BERG@exempel.se').uncoveredSickLeave.map((entry) => entry.employmentId)).toEqual(['A']);
    expect(reportForManager(report, 'ada.chefsson@exempel.se').uncoveredSickLeave.map((entry) => entry.employmentId)).toEqual(['F', 'C', 'D']);
  });

  it('the threshold day is configurable', () => {
    // From day 14, B is listed too; from day 73 only F.
    expect(run({ sickLeaveWithoutCaseFromDay: 14 }).uncoveredSickLeave.map((entry) => entry.employmentId)).toEqual(['F', 'C', 'D', 'H', 'A', 'B']);
    expect(run({ sickLeaveWithoutCaseFromDay: 73 }).uncoveredSickLeave.map((entry) => entry.employmentId)).toEqual(['F']);
  });
});
