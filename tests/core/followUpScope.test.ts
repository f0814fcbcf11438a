import { describe, expect, it } from 'vitest';
import type { UnitFigures } from '../../src/core/absenceFigures.js';
import type { CaseEvaluation } from '../../src/core/caseChecklist.js';
import { followUpScope, type HrAssignment } from '../../src/core/followUpScope.js';

function unit(id: string, operation: string, managerEmail: string, managerName: string): UnitFigures {
  return {
    level: 'enhet', id, name: `Enhet ${id}`, parent: operation, department: 'Avd 1', operation, managerName, managerEmail,
    employees: 10, exposureDays: 1000, shortSickDays: 0, longSickDays: 0, longSpellSickDays: 0, shortPct: 0, longPct: 0, totalPct: 0,
    longSpellSharePct: 0, previousTotalPct: null, diffPp: 0, deviates: false, suppressed: false, funnel: null, signal: null,
  };
}

const units = [
  unit('E1', 'Daglig verksamhet', 'anna.berg@exempel.se', 'Anna Berg'),
  unit('E2', 'Daglig verksamhet', 'anna.berg@exempel.se', 'Anna Berg'),
  unit('E3', 'Socialpsykiatri', 'oskar.ek@exempel.se', 'Oskar Ek'),
];
// A case whose employment row on the as-of date is in a unit the manager no longer leads in the figures.
const cases = [{ manager: 'Cilla.Holm@exempel.se', managerName: 'Cilla Holm', unitId: 'E9', operation: 'Personlig assistans' } as CaseEvaluation];
const hr: HrAssignment[] = [
  { name: 'Hanna HR', email: 'hanna@exempel.se', operations: ['Daglig verksamhet'] },
  { name: 'Ivar HR', email: 'ivar@exempel.se', operations: [] },
];

describe('follow-up scope', () => {
  it('takes managers from units and cases, with their HR specialist', () => {
    const scope = followUpScope(units, cases, hr);
    expect(scope.managers.map((manager) => [manager.email, manager.unitIds, manager.hrSpecialist?.name])).toEqual([
      ['anna.berg@exempel.se', ['E1', 'E2'], 'Hanna HR'],
      ['cilla.holm@exempel.se', ['E9'], 'Ivar HR'],
      ['oskar.ek@exempel.se', ['E3'], 'Ivar HR'],
    ]);
    expect(scope.operations).toEqual(['Daglig verksamhet', 'Personlig assistans', 'Socialpsykiatri']);
  });

  it('narrows to one HR specialist, verksamhet or manager', () => {
    expect(followUpScope(units, cases, hr, { hrSpecialist: hr[0] }).managers.map((m) => m.email)).toEqual(['anna.berg@exempel.se']);
    expect(followUpScope(units, cases, hr, { hrSpecialist: hr[0] }).operations).toEqual(['Daglig verksamhet']);
    expect(followUpScope(units, cases, hr, { operation: 'Socialpsykiatri' }).managers.map((m) => m.email)).toEqual(['oskar.ek@exempel.se']);
    const one = followUpScope(units, cases, hr, { managerEmail: 'CILLA.HOLM@exempel.se' });
    expect(one.managers).toHaveLength(1);
    expect(one.operations).toEqual(['Personlig assistans']);
  });

  it('without HR specialists in the config, managers have none', () => {
    expect(followUpScope(units, [], []).managers.every((manager) => manager.hrSpecialist === null)).toBe(true);
  });
});
