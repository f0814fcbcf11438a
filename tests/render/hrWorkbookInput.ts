// Plain-object input for the HR workbook tests (invented names; the core's functions are not called).
import type { AdministrationFigures, UnitFigures } from '../../src/core/absenceFigures.js';
import type { CaseEvaluation, ManagerCaseSummary, RepeatedShortTermFinding } from '../../src/core/caseChecklist.js';
import { DEFAULT_THRESHOLDS } from '../../src/core/thresholds.js';
import type { HrWorkbookInput } from '../../src/render/hrWorkbook.js';

export const HOSTILE_NAME = '=HYPERLINK("x")';

const NO_DATES: CaseEvaluation['dates'] = {
  certificateTo: null,
  healthTalkDate: null,
  planMadeDate: null,
  planRevisedDate: null,
  planFollowUpDate: null,
  lastDocumentationDate: null,
  nextActivityDate: null,
};

function unit(id: string, name: string, rates: Partial<UnitFigures>): UnitFigures {
  return {
    level: 'enhet',
    id,
    name,
    parent: 'Boende norr',
    department: 'Avdelning boende',
    operation: 'Boende norr',
    managerName: 'Anna Berg',
    managerEmail: 'anna.berg@example.se',
    employees: 20,
    exposureDays: 3000,
    shortSickDays: 60,
    longSickDays: 90,
    longSpellSickDays: 80,
    shortPct: 2,
    longPct: 3,
    totalPct: 5,
    longSpellSharePct: 53.3,
    previousTotalPct: 4,
    diffPp: 0,
    deviates: false,
    suppressed: false,
    funnel: null,
    signal: null,
    ...rates,
  };
}

function evaluation(fields: Partial<CaseEvaluation> & Pick<CaseEvaluation, 'caseId' | 'employeeName' | 'checks' | 'gaps' | 'assessment'>): CaseEvaluation {
  return {
    employmentId: `A-${fields.caseId}`,
    caseType: 'langtid',
    openedDate: '2026-11-02',
    expectedOver60Days: null,
    unitId: 'E1',
    unitName: 'Gruppbostad Lärkan',
    operation: 'Boende norr',
    department: 'Avdelning boende',
    manager: 'anna.berg@example.se',
    managerName: 'Anna Berg',
    periodStart: null,
    dayNumber: null,
    gapChecks: [],
    nextMilestone: null,
    dates: NO_DATES,
    reasons: {},
    ...fields,
  };
}

export const ADMINISTRATION: AdministrationFigures = {
  name: 'Förvaltningen för funktionsstöd',
  employees: 900,
  exposureDays: 150_000,
  shortSickDays: 3_000,
  longSickDays: 6_000,
  longSpellSickDays: 5_000,
  shortPct: 2,
  longPct: 4,
  totalPct: 6,
  longSpellSharePct: 55.6,
  previousTotalPct: 6.5,
};

// As-of 2027-02-10.
export const CASES: CaseEvaluation[] = [
  // Period from 2026-12-28: 2026-12-28 + 44 days = 2027-02-10 → day 45; day 90 is 45 days later → 2027-03-27.
  evaluation({
    caseId: 'C-101',
    employeeName: 'Erik Lind',
    periodStart: '2026-12-28',
    dayNumber: 45,
    checks: { certificate: 'ok', healthTalk: 'ok', returnPlan: 'ok', activity: 'ok' },
    gaps: 0,
    assessment: 'systematic',
    nextMilestone: { day: 90, date: '2027-03-27' },
    dates: {
      certificateTo: '2027-03-31',
      healthTalkDate: '2026-12-01',
      planMadeDate: '2027-01-20',
      planRevisedDate: null,
      planFollowUpDate: '2027-03-01',
      lastDocumentationDate: '2027-02-01',
      nextActivityDate: '2027-02-20',
    },
  }),
  evaluation({
    caseId: 'C-102',
    employeeName: HOSTILE_NAME,
    caseType: 'upprepad_korttid',
    unitId: 'E2',
    unitName: 'Daglig verksamhet Solrosen',
    periodStart: '2027-02-01',
    dayNumber: 10,
    checks: { certificate: 'expiring', healthTalk: 'missing', returnPlan: 'not_applicable', activity: 'ok' },
    gaps: 1,
    gapChecks: ['healthTalk'],
    assessment: 'partial',
    nextMilestone: { day: 90, date: '2027-05-01' },
    dates: { ...NO_DATES, certificateTo: '2027-02-14', lastDocumentationDate: '2027-02-05', nextActivityDate: '2027-02-15' },
  }),
  evaluation({
    caseId: 'C-103',
    employeeName: 'Maria Öberg',
    periodStart: '2026-07-26',
    dayNumber: 200,
    checks: { certificate: 'expired', healthTalk: 'outdated', returnPlan: 'missing', activity: 'inactive' },
    gaps: 4,
    gapChecks: ['certificate', 'healthTalk', 'returnPlan', 'activity'],
    assessment: 'needs_support',
    nextMilestone: { day: 365, date: '2027-07-25' },
    dates: { ...NO_DATES, certificateTo: '2027-01-31', healthTalkDate: '2025-09-01', lastDocumentationDate: '2026-12-01' },
  }),
  evaluation({
    caseId: 'C-104',
    employeeName: 'Sara Åkesson',
    caseType: 'annat',
    checks: { certificate: 'not_applicable', healthTalk: 'ok', returnPlan: 'not_applicable', activity: 'no_next_activity' },
    gaps: 1,
    gapChecks: ['activity'],
    assessment: 'partial',
    dates: { ...NO_DATES, healthTalkDate: '2026-10-10', lastDocumentationDate: '2027-02-08' },
  }),
];

export const CASE_SUMMARY: ManagerCaseSummary = {
  manager: 'anna.berg@example.se',
  managerName: 'Anna Berg',
  cases: 4,
  // certificate: C-103; healthTalk: C-102, C-103; returnPlan: C-103; activity: C-103, C-104.
  gapsByCheck: { certificate: 1, healthTalk: 2, returnPlan: 1, activity: 2 },
  totalGaps: 6,
  needsSupport: 1,
  deeperSupport: false,
  uncoveredSickLeave: 0,
};

export const REPEATED: RepeatedShortTermFinding[] = [
  {
    employmentId: 'A-9',
    employeeName: 'Johan Ek',
    unitId: 'E1',
    unitName: 'Gruppbostad Lärkan',
    manager: 'anna.berg@example.se',
    periodCount: 7,
    thresholdPeriodStart: '2026-10-05',
    caseId: null,
    finding: 'no_open_case',
  },
];

export function hrWorkbookInput(overrides: Partial<HrWorkbookInput> = {}): HrWorkbookInput {
  return {
    period: '2027-vår',
    asOf: '2027-02-10',
    window: { from: '2026-08-01', to: '2027-01-31' },
    previousWindow: { from: '2026-02-01', to: '2026-07-31' },
    administration: ADMINISTRATION,
    manager: { name: 'Anna Berg', email: 'anna.berg@example.se' },
    units: [
      // 9.5 − 6.0 = +3.5 pe ≥ 2.0 → deviates; change 9.5 − 7.0 = +2.5.
      unit('E2', 'Daglig verksamhet Solrosen', { shortPct: 3.25, longPct: 6.25, totalPct: 9.5, previousTotalPct: 7, diffPp: 3.5, deviates: true }),
      // 5.0 − 6.0 = −1.0 pe; change 5.0 − 4.0 = +1.0.
      unit('E1', 'Gruppbostad Lärkan', { diffPp: -1 }),
    ],
    cases: CASES,
    caseSummary: CASE_SUMMARY,
    repeatedShortTerm: REPEATED,
    hrSpecialist: { name: 'Karin Holm', email: 'karin.holm@example.se' },
    thresholds: DEFAULT_THRESHOLDS,
    ...overrides,
  };
}
