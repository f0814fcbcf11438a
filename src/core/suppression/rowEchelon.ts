// Linear algebra for disclosure control: which unknowns a set of sums pins down (SPEC §7).
// Each hidden cell is an unknown; each sum the material shows or implies is one equation (shown cells are constants).
// An unknown u is pinned down when the unit vector e_u lies in the row space of the equations. In the reduced row
// echelon form (RREF) that is when u is a pivot column whose row has no other entry. Somebody who also knows some
// unknowns K (a manager her own unit) pins u down when e_u lies in the row space of the equations with K's columns
// deleted; deleting columns commutes with row operations, so the one RREF of the equations answers that too.
// The equations are few (one per sum) and sparse, the unknowns many: sparse Gauss–Jordan over the rows, never a
// dense matrix of unknowns.

/** An equation over unknowns: Σ coefficient × unknown = (a known constant, not needed here). */
export type SparseRow = ReadonlyMap<number, number>;

const EPSILON = 1e-9;

export interface ReducedEchelon {
  /** The reduced rows: row i has 1 at pivots[i], 0 at every other pivot column, anything at free columns. */
  rows: readonly ReadonlyMap<number, number>[];
  pivots: readonly number[];
  /** Row of the column's pivot, or −1 for a free column. */
  pivotRowOf: Int32Array;
  /** For each free column, the rows with an entry there. */
  rowsOfFreeColumn: ReadonlyMap<number, readonly number[]>;
}

/** RREF of the equations in `columnCount` unknowns, with columns taken in order (the RREF is unique for that order). */
export function reducedEchelon(equations: readonly SparseRow[], columnCount: number): ReducedEchelon {
  const work: Map<number, number>[] = equations.map((row) => {
    const copy = new Map<number, number>();
    for (const [column, value] of row) {
      const sum = (copy.get(column) ?? 0) + value;
      if (Math.abs(sum) < EPSILON) copy.delete(column);
      else copy.set(column, sum);
    }
    return copy;
  });
  const rowsWith: Set<number>[] = Array.from({ length: columnCount }, () => new Set<number>());
  work.forEach((row, index) => {
    for (const column of row.keys()) rowsWith[column]!.add(index);
  });
  const isPivotRow = new Uint8Array(work.length);
  const pivotRowOf = new Int32Array(columnCount).fill(-1);
  const pivotRows: number[] = [];
  for (let column = 0; column < columnCount; column += 1) {
    // The pivot: the row (not yet a pivot row) with the largest entry in the column, the shortest on a tie.
    let best = -1;
    let bestMagnitude = 0;
    for (const index of rowsWith[column]!) {
      if (isPivotRow[index] === 1) continue;
      const magnitude = Math.abs(work[index]!.get(column)!);
      if (best === -1 || magnitude > bestMagnitude + EPSILON || (Math.abs(magnitude - bestMagnitude) <= EPSILON && work[index]!.size < work[best]!.size)) {
        best = index;
        bestMagnitude = magnitude;
      }
    }
    if (best === -1) continue;
    const pivot = work[best]!;
    const scale = pivot.get(column)!;
    if (scale !== 1) for (const [key, value] of pivot) pivot.set(key, value / scale);
    for (const index of [...rowsWith[column]!]) {
      if (index === best) continue;
      const target = work[index]!;
      const factor = target.get(column)!;
      for (const [key, value] of pivot) {
        const updated = (target.get(key) ?? 0) - factor * value;
        if (key === column || Math.abs(updated) < EPSILON) {
          target.delete(key);
          rowsWith[key]!.delete(index);
        } else {
          if (!target.has(key)) rowsWith[key]!.add(index);
          target.set(key, updated);
        }
      }
    }
    isPivotRow[best] = 1;
    pivotRowOf[column] = pivotRows.length;
    pivotRows.push(best);
  }
  const rows = pivotRows.map((index) => work[index]!);
  const rowsOfFreeColumn = new Map<number, number[]>();
  rows.forEach((row, index) => {
    for (const column of row.keys()) {
      if (pivotRowOf[column] !== -1) continue;
      const list = rowsOfFreeColumn.get(column);
      if (list) list.push(index);
      else rowsOfFreeColumn.set(column, [index]);
    }
  });
  const pivots = pivotRows.map((_, index) => {
    for (const column of rows[index]!.keys()) if (pivotRowOf[column] === index) return column;
    throw new Error('RREF-rad utan pivot');
  });
  return { rows, pivots, pivotRowOf, rowsOfFreeColumn };
}

/** True when the equations alone pin the unknown down. */
export function isDetermined(echelon: ReducedEchelon, unknown: number): boolean {
  const row = echelon.pivotRowOf[unknown]!;
  return row !== -1 && echelon.rows[row]!.size === 1;
}

/**
 * The unknowns among `candidates` that somebody who knows the unknowns `known` pins down with the equations, in the
 * order of `candidates`. Candidates in `known` are left out (she knows them anyway).
 */
export function pinnedWithKnown(echelon: ReducedEchelon, known: readonly number[], candidates: readonly number[]): number[] {
  const knownSet = new Set(known);
  // The rows whose pivot she knows, without the columns she knows: entries at free columns only.
  const extra: Map<number, number>[] = [];
  for (const column of known) {
    const row = echelon.pivotRowOf[column]!;
    if (row === -1) continue;
    const restricted = new Map<number, number>();
    for (const [key, value] of echelon.rows[row]!) if (key !== column && !knownSet.has(key)) restricted.set(key, value);
    if (restricted.size > 0) extra.push(restricted);
  }
  const basis = reduceAmong(extra);
  const support = new Set<number>();
  for (const { row } of basis) for (const key of row.keys()) support.add(key);
  // Only a candidate whose row touches a column she knows or the extra rows can change.
  const touched = new Set<number>();
  for (const column of [...knownSet, ...support]) {
    if (echelon.pivotRowOf[column] !== -1) continue;
    for (const row of echelon.rowsOfFreeColumn.get(column) ?? []) touched.add(echelon.pivots[row]!);
    if (support.has(column)) touched.add(column);
  }
  return candidates.filter((unknown) => {
    if (knownSet.has(unknown)) return false;
    if (isDetermined(echelon, unknown)) return true;
    if (!touched.has(unknown)) return false;
    const rowIndex = echelon.pivotRowOf[unknown]!;
    const rest = new Map<number, number>();
    if (rowIndex === -1) rest.set(unknown, 1);
    else for (const [key, value] of echelon.rows[rowIndex]!) if (key !== unknown && !knownSet.has(key)) rest.set(key, value);
    return inReducedSpan(rest, basis);
  });
}

interface BasisRow {
  pivot: number;
  row: Map<number, number>;
}

/** RREF of a few sparse rows among themselves (pivots where they fall). */
function reduceAmong(rows: readonly Map<number, number>[]): BasisRow[] {
  const basis: BasisRow[] = [];
  for (const original of rows) {
    const row = new Map(original);
    for (const { pivot, row: unit } of basis) subtractMultiple(row, unit, row.get(pivot) ?? 0);
    let pivot = -1;
    let magnitude = 0;
    for (const [key, value] of row) {
      if (Math.abs(value) > magnitude) [pivot, magnitude] = [key, Math.abs(value)];
    }
    if (pivot === -1) continue;
    const scale = row.get(pivot)!;
    for (const [key, value] of row) row.set(key, value / scale);
    for (const other of basis) subtractMultiple(other.row, row, other.row.get(pivot) ?? 0);
    basis.push({ pivot, row });
  }
  return basis;
}

function subtractMultiple(target: Map<number, number>, source: ReadonlyMap<number, number>, factor: number): void {
  if (factor === 0) return;
  for (const [key, value] of source) {
    const updated = (target.get(key) ?? 0) - factor * value;
    if (Math.abs(updated) < EPSILON) target.delete(key);
    else target.set(key, updated);
  }
}

function inReducedSpan(vector: ReadonlyMap<number, number>, basis: readonly BasisRow[]): boolean {
  if (vector.size === 0) return true;
  const residual = new Map(vector);
  for (const { pivot, row } of basis) subtractMultiple(residual, row, vector.get(pivot) ?? 0);
  return residual.size === 0;
}
