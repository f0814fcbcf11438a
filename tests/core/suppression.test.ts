import { describe, expect, it } from 'vitest';
import type { UnitFigures, UnitLevel } from '../../src/core/absenceFigures.js';
import { sharedVisibility } from '../../src/core/suppression.js';

function unit(level: UnitLevel, id: string, parent: string, employees: number): UnitFigures {
  return {
    level, id, name: id, parent, department: '', operation: '', managerName: null, managerEmail: null,
    employees, exposureDays: employees * 184, shortSickDays: 0, longSickDays: 0, longSpellSickDays: 0,
    shortPct: 0, longPct: 0, totalPct: 0, longSpellSharePct: 0, previousTotalPct: null,
    diffPp: 0, deviates: false, suppressed: employees < 5,
  };
}

// förvaltning ─ A1 (40) ─ V1 (25) ─ E1 (3), E2 (10), E3 (12)
//             │         └ V2 (15) ─ E4 (15)
//             ├ A2 (30) ─ V3 (30) ─ E5 (20), E6 (10)
//             └ A3 (4)  ─ V4 (4)  ─ E7 (4)
const tree = [
  unit('avdelning', 'A1', 'Förvaltningen', 40),
  unit('avdelning', 'A2', 'Förvaltningen', 30),
  unit('verksamhet', 'V1', 'A1', 25),
  unit('verksamhet', 'V2', 'A1', 15),
  unit('verksamhet', 'V3', 'A2', 30),
  unit('enhet', 'E1', 'V1', 3),
  unit('enhet', 'E2', 'V1', 10),
  unit('enhet', 'E3', 'V1', 12),
  unit('enhet', 'E4', 'V2', 15),
  unit('enhet', 'E5', 'V3', 20),
  unit('enhet', 'E6', 'V3', 10),
];

describe('shared visibility (SPEC §7: primary and secondary suppression)', () => {
  it('nothing is hidden when every group is large enough', () => {
    expect([...sharedVisibility(tree.filter((candidate) => candidate.id !== 'E1'), 5)]).toEqual([]);
  });

  it('one small enhet among three: the smallest other enhet is hidden too', () => {
    // E1 (3) < 5 → hidden; V1 is shown and has exactly one hidden child → hide E2 (10, smaller than E3's 12).
    expect([...sharedVisibility(tree, 5)].sort()).toEqual(['enhet:E1', 'enhet:E2']);
  });

  it('with a larger minimum the two small enheter protect each other', () => {
    // minGroupSize 11: E1 (3), E2 (10) and E6 (10) hidden by themselves; V1 then has two hidden children → nothing more there,
    // but V3 has one hidden child of two → E5 goes too (else V3 − E5 = E6).
    expect([...sharedVisibility(tree, 11)].sort()).toEqual(['enhet:E1', 'enhet:E2', 'enhet:E5', 'enhet:E6']);
  });

  it('a hidden avdelning hides a sibling, and that sibling cannot be rebuilt from its shown children', () => {
    const units = [...tree, unit('avdelning', 'A3', 'Förvaltningen', 4), unit('verksamhet', 'V4', 'A3', 4), unit('enhet', 'E7', 'V4', 4)];
    // Primary: E1, A3, V4, E7. Secondary: E2 (as above); the förvaltning has one hidden avdelning → hide A2 (30 < 40).
    // A2 is hidden but its only child V3 is shown (V3 = A2) → hide V3; V3's children E5, E6 are shown (E5 + E6 = V3) → hide E6 (10).
    expect([...sharedVisibility(units, 5)].sort()).toEqual([
      'avdelning:A2', 'avdelning:A3', 'enhet:E1', 'enhet:E2', 'enhet:E6', 'enhet:E7', 'verksamhet:V3', 'verksamhet:V4',
    ]);
  });

  it('a parent whose only child is hidden is hidden too, and then protects itself among its siblings', () => {
    // V5 (8) has one child E8 (4, hidden): V5's figure is E8's → hide V5. A1 then has V1, V2 shown and V5 hidden → hide V2 (15 < 25).
    // V2 is hidden with its only child E4 shown → hide E4.
    const units = [...tree, unit('verksamhet', 'V5', 'A1', 8), unit('enhet', 'E8', 'V5', 4)];
    expect([...sharedVisibility(units, 5)].sort()).toEqual(['enhet:E1', 'enhet:E2', 'enhet:E4', 'enhet:E8', 'verksamhet:V2', 'verksamhet:V5']);
  });

  it('hides the förvaltning when its only avdelning is hidden', () => {
    const units = [unit('avdelning', 'A1', 'Förvaltningen', 3), unit('verksamhet', 'V1', 'A1', 3), unit('enhet', 'E1', 'V1', 3)];
    expect([...sharedVisibility(units, 5)].sort()).toEqual(['administration', 'avdelning:A1', 'enhet:E1', 'verksamhet:V1']);
  });
});
