import { describe, expect, it } from 'vitest';
import type { OperationChecklistCounts } from '../../src/core/checklistCounts.js';
import { goalShare, hiddenGoalShareOperations } from '../../src/core/goalShare.js';

function counts(operation: string, cases: number, withoutGaps: number): OperationChecklistCounts {
  return {
    operation, cases, casesWithoutGaps: withoutGaps,
    gapsByCheck: { certificate: 0, healthTalk: 0, returnPlan: 0, activity: 0 },
    assessments: { systematic: withoutGaps, partial: 0, needs_support: cases - withoutGaps },
  };
}

describe('goalShare', () => {
  it('gives the share now, then and the change per verksamhet and in total', () => {
    // Hemtjänst: 3 of 4 now (75 %), 1 of 4 then (25 %) → +50 pe. Boende: 2 of 5 now (40 %), none then.
    // Total now 5/9 = 55.555… %, then 1/4 = 25 % → +30.555… pe. Daglig verksamhet had 2 of 2 then, no case now.
    const result = goalShare([counts('Hemtjänst', 4, 3), counts('Boende', 5, 2)], [counts('Hemtjänst', 4, 1), counts('Daglig verksamhet', 2, 2)]);
    expect(result.operations.map((row) => [row.operation, row.cases, row.sharePct, row.previous?.sharePct ?? null, row.changePp])).toEqual([
      ['Boende', 5, 40, null, null],
      ['Daglig verksamhet', 0, null, 100, null],
      ['Hemtjänst', 4, 75, 25, 50],
    ]);
    expect(result.total.cases).toBe(9);
    expect(result.total.sharePct).toBeCloseTo((5 / 9) * 100, 10);
    // Then: Hemtjänst 1/4 and Daglig verksamhet 2/2 → 3/6 = 50 %.
    expect(result.total.previous).toEqual({ cases: 6, withoutGaps: 3, sharePct: 50 });
    expect(result.total.changePp).toBeCloseTo((5 / 9) * 100 - 50, 10);
  });

  it('has no previous figures and no change without an earlier round', () => {
    const result = goalShare([counts('Hemtjänst', 2, 1)], null);
    expect(result.total).toEqual({ operation: null, cases: 2, withoutGaps: 1, sharePct: 50, previous: null, changePp: null });
  });
});

describe('hiddenGoalShareOperations', () => {
  const rows = [
    { operation: 'A', cases: 3 },
    { operation: 'B', cases: 12 },
    { operation: 'C', cases: 7 },
    { operation: 'D', cases: 20 },
    { operation: 'E', cases: 0 },
  ];

  it('hides small case counts and enough partners that the total reveals none of them', () => {
    // A (3) is small. Alone it would be total − the rest; with C (7, the smallest shown) the hidden sum is 10 ≥ 5,
    // and without the larger one (7) 3 < 5: an insider knowing C's count would get A's, so B (12) goes too → 3 + 7 + 12
    // − 12 = 10 ≥ 5.
    expect([...hiddenGoalShareOperations(rows, 5, new Set(), true)].sort()).toEqual(['A', 'B', 'C']);
    // Without insider protection A + C suffice.
    expect([...hiddenGoalShareOperations(rows, 5, new Set(), false)].sort()).toEqual(['A', 'C']);
  });

  it('hides nothing when every count is large enough, and keeps verksamheter hidden for their staff', () => {
    const large = [{ operation: 'B', cases: 12 }, { operation: 'D', cases: 20 }];
    expect(hiddenGoalShareOperations(large, 5, new Set(), true).size).toBe(0);
    // D hidden for its staff: B is hidden with it (12 + 20 − 20 = 12 ≥ 5).
    expect([...hiddenGoalShareOperations(large, 5, new Set(['D']), true)].sort()).toEqual(['B', 'D']);
  });
});
