// Rows, sick segments and open cases for the checklist tests, each valid at 2027-02-10 unless a test overrides a field.
import type { EmploymentRow, RehabCase, SickSegment } from '../../src/core/types.js';

export function employment(employmentId: string, overrides: Partial<EmploymentRow> = {}): EmploymentRow {
  return {
    employmentId,
    name: `Testperson ${employmentId}`,
    administration: 'Socialförvaltningen',
    department: 'Äldreomsorg',
    operation: 'Hemtjänst',
    unitId: 'U1',
    unitName: 'Hemtjänst Norr',
    managerName: 'Ada Chefsson',
    managerEmail: 'ada.chefsson@exempel.se',
    employmentRate: 100,
    gender: null,
    birthYear: null,
    validFrom: '2020-01-01',
    validTo: null,
    line: 2,
    ...overrides,
  };
}

export function sick(employmentId: string, from: string, to: string | null, extent = 100): SickSegment {
  return { employmentId, from, to, extent, line: 2 };
}

/** An open case whose every dated field is fine at AS_OF, so a test changes only what it is about. */
export function openCase(caseId: string, employmentId: string, overrides: Partial<RehabCase> = {}): RehabCase {
  return {
    caseId,
    employmentId,
    caseType: 'langtid',
    status: 'oppet',
    openedDate: '2027-01-05',
    closedDate: null,
    expectedOver60Days: null,
    certificateTo: '2027-03-31',
    healthTalkDate: '2026-12-01',
    planMadeDate: '2027-01-15',
    planRevisedDate: null,
    planFollowUpDate: '2027-03-01',
    lastDocumentationDate: '2027-02-01',
    nextActivityDate: '2027-02-20',
    line: 2,
    ...overrides,
  };
}
