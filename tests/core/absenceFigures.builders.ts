// Builders for the absence-figure tests: plain records with invented names.
import type { EmploymentRow, SickSegment } from '../../src/core/types.js';

let nextLine = 2;

export function employment(employmentId: string, overrides: Partial<EmploymentRow> = {}): EmploymentRow {
  const unitId = overrides.unitId ?? 'E1';
  return {
    employmentId,
    name: `Person ${employmentId}`,
    administration: 'Vård- och omsorgsförvaltningen',
    department: 'Avdelning Öst',
    operation: 'Hemtjänst',
    unitId,
    unitName: `Enhet ${unitId}`,
    managerName: 'Åsa Chef',
    managerEmail: 'asa.chef@example.se',
    employmentRate: 100,
    gender: null,
    birthYear: null,
    validFrom: '2020-01-01',
    validTo: null,
    line: nextLine++,
    ...overrides,
  };
}

export function segment(employmentId: string, from: string, to: string | null, extent = 100): SickSegment {
  return { employmentId, from, to, extent, line: nextLine++ };
}
