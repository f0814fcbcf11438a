import { describe, expect, it } from 'vitest';
import { computeAbsenceReport } from '../../src/core/absenceFigures.js';
import { evaluateCases } from '../../src/core/caseChecklist.js';
import { followUpScope } from '../../src/core/followUpScope.js';
import { analyseRehabWork, type ManagerReflection } from '../../src/core/rehabAnalysis.js';
import { DEFAULT_THRESHOLDS } from '../../src/core/thresholds.js';
import type { Dataset, RehabCase } from '../../src/core/types.js';
import { yearEarlierWindow } from '../../src/plan/aggregatePlan.js';
import { employment, segment } from './absenceFigures.builders.js';

const AS_OF = '2027-05-10';
// Window 2026-11-01..2027-04-30 (181 days), previous period 2026-05-01..2026-10-31 (184 days).
const WINDOW = { from: '2026-11-01', to: '2027-04-30' };

function rehabCase(caseId: string, employmentId: string, overrides: Partial<RehabCase> = {}): RehabCase {
  return {
    caseId, employmentId, caseType: 'langtid', status: 'oppet', openedDate: '2027-01-05', closedDate: null, expectedOver60Days: null,
    certificateTo: null, healthTalkDate: null, planMadeDate: null, planRevisedDate: null, planFollowUpDate: null,
    lastDocumentationDate: null, nextActivityDate: null, line: 2, ...overrides,
  };
}

function dataset(): Dataset {
  const hemtjanst = { unitId: 'E1', unitName: 'Hemtjänst Norr', operation: 'Hemtjänst', managerName: 'Åsa Chef', managerEmail: 'asa@example.se' };
  const boende = { unitId: 'E2', unitName: 'Boende Syd', operation: 'Boende', managerName: 'Bo Chef', managerEmail: 'bo@example.se' };
  return {
    employments: [
      ...['1', '2', '3', '4', '5'].map((id) => employment(id, hemtjanst)),
      ...['6', '7', '8', '9', '10'].map((id) => employment(id, boende)),
    ],
    sickSegments: [
      // Employee 1: ongoing since 2027-01-01 → 120 sick days in the window (Jan 31 + Feb 28 + Mar 31 + Apr 30).
      segment('1', '2027-01-01', null),
      // Employee 2: ongoing since 2027-04-01 (day 40 on the as-of date) and no case → sick leave without a case; 30 days in the window.
      segment('2', '2027-04-01', null),
      // Employee 6: 30 days in June 2026 (previous period): day 1–14 short, 15–30 long.
      segment('6', '2026-06-01', '2026-06-30'),
    ],
    cases: [
      // Day 130 on the as-of date, nothing documented: every check is a gap → needs_support.
      rehabCase('C1', '1'),
      // Not sick on the as-of date; health talk and activity current → 0 gaps.
      rehabCase('C6', '6', { healthTalkDate: '2027-03-01', lastDocumentationDate: '2027-05-01', nextActivityDate: '2027-06-01' }),
    ],
  };
}

function analyse(reflections: ManagerReflection[]) {
  const data = dataset();
  const params = { asOf: AS_OF, thresholds: DEFAULT_THRESHOLDS };
  const absence = computeAbsenceReport(data, { ...params, window: WINDOW });
  const previousPeriod = computeAbsenceReport(data, { ...params, window: absence.previousWindow });
  const yearEarlier = computeAbsenceReport(data, { ...params, window: yearEarlierWindow(WINDOW) });
  const checklist = evaluateCases(data, { ...params, repeatedShortTerm: absence.repeatedShortTerm });
  const scope = followUpScope(absence.units.filter((unit) => unit.level === 'enhet'), checklist.cases, []);
  return analyseRehabWork({
    thresholds: DEFAULT_THRESHOLDS, absence, previousPeriod, yearEarlier, checklist, managers: scope.managers, reflections,
    previousRound: null,
  });
}

const boReflection: ManagerReflection = {
  managerEmail: 'Bo@example.se',
  overall: 'Bra struktur i ärendena.',
  risks: 'Hög belastning under sommaren.',
  needs: '',
  deeperSupportBooked: null,
  caseAssessments: [{ caseId: 'C6', assessment: 'deeper_support_offered' }],
  casesWithNotes: 1,
  casesWithProposals: 0,
};

describe('analyseRehabWork', () => {
  const analysis = analyse([boReflection]);

  it('finds the managers to offer deeper support by the checklist and by what HR wrote', () => {
    const byEmail = new Map(analysis.managerSupport.map((manager) => [manager.managerEmail, manager]));
    const asa = byEmail.get('asa@example.se')!;
    // Åsa: her one case needs support (1 of 1 ≥ half) → fördjupat stöd by the checklist; no workbook.
    expect([asa.cases, asa.needsSupport, asa.totalGaps, asa.deeperSupportByChecklist, asa.deeperSupportByHr, asa.workbookReturned]).toEqual([1, 1, 4, true, false, false]);
    expect(asa.referToOperationManager).toBe(true);
    expect(asa.uncoveredSickLeave).toBe(1);
    const bo = byEmail.get('bo@example.se')!;
    // Bo: 0 gaps, but HR offered deeper support after the meeting.
    expect([bo.cases, bo.needsSupport, bo.deeperSupportByChecklist, bo.deeperSupportByHr, bo.workbookReturned, bo.workbookFilledIn]).toEqual([1, 0, false, true, true, true]);
    expect(bo.hrAssessments).toEqual({ systematic: 0, partial: 0, needs_support: 0, deeper_support_offered: 1, none: 0 });
    expect(analysis.managersWithoutWorkbook.map((manager) => manager.email)).toEqual(['asa@example.se']);
    expect(analysis.operationSupport.map((row) => [row.operation, row.managers, row.cases, row.needsSupportCases, row.managersReferred, row.uncoveredSickLeave])).toEqual([
      ['Boende', 1, 1, 0, 1, 0],
      ['Hemtjänst', 1, 1, 1, 1, 1],
    ]);
  });

  it('flags the unit above the pp rule', () => {
    // E1: (120 + 30) / (5 × 181) = 16.57 %; förvaltningen 150 / 1810 = 8.29 % → +8.29 pe ≥ 2.0.
    expect(analysis.deviatingUnits.map((entry) => [entry.unit.id, entry.byPpRule])).toEqual([['E1', true]]);
    expect(analysis.deviatingUnits[0]!.unit.diffPp).toBeCloseTo((150 / 905 - 150 / 1810) * 100, 10);
    expect(analysis.deviatingUnits[0]!.hrNotes).toEqual([]);
  });

  it('compares with the previous period and the year before, short and long apart', () => {
    const administration = analysis.changes.find((change) => change.level === 'administration')!;
    expect(administration.now.totalPct).toBeCloseTo((150 / 1810) * 100, 10);
    // Previous period: 14 short + 16 long days of 10 × 184 exposure days.
    expect(administration.previousPeriod!.shortPct).toBeCloseTo((14 / 1840) * 100, 10);
    expect(administration.previousPeriod!.longPct).toBeCloseTo((16 / 1840) * 100, 10);
    expect(administration.yearEarlier!.totalPct).toBe(0);
    expect(analysis.yearEarlierWindow).toEqual({ from: '2025-11-01', to: '2026-04-30' });
    const boende = analysis.changes.find((change) => change.id === 'Boende')!;
    expect(boende.previousPeriod!.totalPct).toBeCloseTo((30 / 920) * 100, 10);
  });

  it('measures the routine goal and collects the reflections per verksamhet', () => {
    // C6 has 0 gaps, C1 four: 1 of 2 = 50 %.
    expect(analysis.goal.total).toMatchObject({ cases: 2, withoutGaps: 1, sharePct: 50 });
    expect(analysis.goal.operations.map((row) => [row.operation, row.sharePct])).toEqual([['Boende', 100], ['Hemtjänst', 0]]);
    expect(analysis.reflections).toEqual([{ operation: 'Boende', overall: ['Bra struktur i ärendena.'], risks: ['Hög belastning under sommaren.'], needs: [] }]);
    expect(analysis.patterns.gapsByCheck).toEqual({ certificate: 1, healthTalk: 1, returnPlan: 1, activity: 1 });
    // Only Bo's workbook was read: one case assessed "Fördjupat stöd erbjudet", one case with a note.
    expect(analysis.patterns.hrAssessments).toEqual({ systematic: 0, partial: 0, needs_support: 0, deeper_support_offered: 1, none: 0 });
    expect([analysis.patterns.casesWithHrNotes, analysis.patterns.casesWithHrProposals, analysis.patterns.uncoveredSickLeave]).toEqual([1, 0, 1]);
    expect(analysis.patterns.managersByCaseCount).toEqual([
      { bucket: '0', managers: 0 },
      { bucket: '1-2', managers: 2 },
      { bucket: '3-5', managers: 0 },
      { bucket: '6+', managers: 0 },
    ]);
  });

  it('states its findings as codes with the numbers behind them', () => {
    expect(analysis.findings.map((finding) => finding.code)).toEqual(['goal_share', 'deeper_support', 'deviating_units', 'absence_change', 'uncovered_sick_leave']);
    expect(analysis.findings[1]!.values).toEqual({ managers: 2, ofManagers: 2, operations: 2, byHr: 1 });
  });
});
