import { describe, expect, it } from 'vitest';
import { evaluateCases } from '../../src/core/caseChecklist.js';
import { DEFAULT_THRESHOLDS } from '../../src/core/thresholds.js';
import type { EmploymentRow, RehabCase } from '../../src/core/types.js';
import { casesCsv, casesText } from '../../src/render/casesReport.js';

const row = (employmentId: string, unitName: string): EmploymentRow => ({
  employmentId, name: 'Påhittad Person', administration: 'F', department: 'A', operation: 'V', unitId: `U-${employmentId}`, unitName,
  managerName: 'Chef Chefsson', managerEmail: 'chef@exempel.se', employmentRate: 100, gender: null, birthYear: null,
  validFrom: '2020-01-01', validTo: null, line: 2,
});
const rehabCase = (caseId: string, employmentId: string): RehabCase => ({
  caseId, employmentId, caseType: 'annat', status: 'oppet', openedDate: '2027-01-01', closedDate: null, expectedOver60Days: null,
  certificateTo: null, healthTalkDate: null, planMadeDate: null, planRevisedDate: null, planFollowUpDate: null,
  lastDocumentationDate: null, nextActivityDate: null, line: 2,
});

describe('cases CSV and table', () => {
  const report = evaluateCases(
    { employments: [row('1', '=HYPERLINK("x")'), row('2', 'Enhet; "Norr"')], sickSegments: [], cases: [rehabCase('A', '1'), rehabCase('B', '2')] },
    { asOf: '2027-02-10', thresholds: DEFAULT_THRESHOLDS, repeatedShortTerm: [] },
  );

  it('neutralises formula-like cells and quotes cells with ; or "', () => {
    const lines = casesCsv(report).slice(1).split('\r\n');
    // the first row's unit would run as a formula in Excel: apostrophe first, then quoted because of the "
    expect(lines[1]).toContain(`;"'=HYPERLINK(""x"")";`);
    expect(lines[2]).toContain(';"Enhet; ""Norr""";');
    expect(lines[3]).toBe('');
  });

  it('an empty report says so in Swedish', () => {
    const empty = { asOf: '2027-02-10', cases: [], managers: [], repeatedShortTermFindings: [], uncoveredSickLeave: [] };
    expect(casesText(empty)).toBe('Rehabärenden per 2027-02-10: 0 öppna ärenden\n\nInga öppna rehabärenden, ingen sjukfrånvaro utan ärende och ingen upprepad korttidsfrånvaro att följa upp.');
    expect(casesCsv(empty).split('\r\n')).toHaveLength(2);
  });
});
