// src/core/suppression/rowEchelon.ts against an independent route: exact rank over the rationals (fraction-free
// Bareiss elimination with BigInt). An unknown u is pinned down by equations A and known unknowns K exactly when
// rank(A ∪ e_K ∪ e_u) = rank(A ∪ e_K).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isDetermined, pinnedWithKnown, reducedEchelon, type SparseRow } from '../../src/core/suppression/rowEchelon.js';

function exactRank(rows: readonly (readonly number[])[], columns: number): number {
  const matrix = rows.map((row) => row.map((value) => BigInt(value)));
  let rank = 0;
  let previous = 1n;
  for (let column = 0; column < columns && rank < matrix.length; column += 1) {
    const pivot = matrix.findIndex((row, index) => index >= rank && row[column] !== 0n);
    if (pivot === -1) continue;
    [matrix[rank], matrix[pivot]] = [matrix[pivot]!, matrix[rank]!];
    const top = matrix[rank]!;
    for (let index = rank + 1; index < matrix.length; index += 1) {
      const row = matrix[index]!;
      for (let other = column + 1; other < columns; other += 1) row[other] = (top[column]! * row[other]! - row[column]! * top[other]!) / previous;
      row[column] = 0n;
    }
    previous = top[column]!;
    rank += 1;
  }
  return rank;
}

const unit = (column: number, columns: number): number[] => Array.from({ length: columns }, (_, index) => (index === column ? 1 : 0));

function pinnedByRank(dense: number[][], columns: number, known: readonly number[], candidate: number): boolean {
  const base = [...dense, ...known.map((column) => unit(column, columns))];
  return exactRank([...base, unit(candidate, columns)], columns) === exactRank(base, columns);
}

const toSparse = (dense: readonly (readonly number[])[]): SparseRow[] =>
  dense.map((row) => new Map(row.flatMap((value, column) => (value === 0 ? [] : [[column, value] as [number, number]]))));

// Sums of hidden cells: coefficients +1 (a total) and −1 (parts), now and then 2 (a cell in a sum twice), mostly 0.
const system = fc.integer({ min: 1, max: 9 }).chain((columns) =>
  fc.record({
    columns: fc.constant(columns),
    rows: fc.array(fc.array(fc.constantFrom(0, 0, 0, 1, -1, 2), { minLength: columns, maxLength: columns }), { maxLength: 8 }),
    known: fc.uniqueArray(fc.integer({ min: 0, max: columns - 1 }), { maxLength: 3 }),
  }),
);

describe('reducedEchelon', () => {
  it('pins down an unknown exactly when the exact rank says so', () => {
    fc.assert(
      fc.property(system, ({ columns, rows }) => {
        const echelon = reducedEchelon(toSparse(rows), columns);
        for (let column = 0; column < columns; column += 1) expect(isDetermined(echelon, column)).toBe(pinnedByRank(rows, columns, [], column));
        expect(echelon.rows.length).toBe(exactRank(rows, columns));
      }),
      { numRuns: 400, seed: 20261201 },
    );
  });

  it('with known unknowns pins down what the exact rank pins down, in the candidates’ order, and never a known one', () => {
    fc.assert(
      fc.property(system, ({ columns, rows, known }) => {
        const echelon = reducedEchelon(toSparse(rows), columns);
        const candidates = [...Array(columns).keys()].reverse();
        const expected = candidates.filter((column) => !known.includes(column) && pinnedByRank(rows, columns, known, column));
        expect(pinnedWithKnown(echelon, known, candidates)).toEqual(expected);
      }),
      { numRuns: 400, seed: 20261202 },
    );
  });

  it('a chain of sums: knowing one part of two gives the other away, knowing nothing gives nothing', () => {
    // x0 = x1 + x2 and x2 = x3 + x4 (hand-worked): nothing is pinned; knowing x1 and x0 pins x2; knowing x3 too pins x4.
    const rows = [
      [1, -1, -1, 0, 0],
      [0, 0, 1, -1, -1],
    ];
    const echelon = reducedEchelon(toSparse(rows), 5);
    expect([0, 1, 2, 3, 4].filter((column) => isDetermined(echelon, column))).toEqual([]);
    expect(pinnedWithKnown(echelon, [0, 1], [2, 3, 4])).toEqual([2]);
    expect(pinnedWithKnown(echelon, [0, 1, 3], [2, 3, 4])).toEqual([2, 4]);
    expect(pinnedWithKnown(echelon, [3], [0, 1, 2, 4])).toEqual([]);
  });
});
