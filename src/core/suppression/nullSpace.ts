// Linear algebra for disclosure control: which unknowns a set of sums pins down (SPEC §7).
// Each hidden cell is an unknown; each sum the material shows or implies is one equation (shown cells are constants).
// A hidden cell is determined when every solution of the equations gives it the same value, i.e. when it is 0 in
// every vector of the null space. The null space comes from Gauss–Jordan elimination with partial pivoting.

/** An equation over unknowns: Σ coefficient × unknown = (a known constant, not needed here). */
export type SparseRow = ReadonlyMap<number, number>;

const EPSILON = 1e-9;

/**
 * Null-space basis of the equations in `unknownCount` unknowns, returned per unknown: entry [u] is the vector of
 * unknown u's values in the k basis vectors. u is determined exactly when that vector is zero.
 */
export function nullSpaceByUnknown(rows: readonly SparseRow[], unknownCount: number): number[][] {
  const matrix = rows.map((row) => {
    const dense = new Array<number>(unknownCount).fill(0);
    for (const [column, value] of row) dense[column] = (dense[column] ?? 0) + value;
    return dense;
  });
  const pivotColumns: number[] = [];
  let pivotRow = 0;
  for (let column = 0; column < unknownCount && pivotRow < matrix.length; column += 1) {
    let best = pivotRow;
    for (let row = pivotRow + 1; row < matrix.length; row += 1) {
      if (Math.abs(matrix[row]![column]!) > Math.abs(matrix[best]![column]!)) best = row;
    }
    if (Math.abs(matrix[best]![column]!) < EPSILON) continue;
    [matrix[pivotRow], matrix[best]] = [matrix[best]!, matrix[pivotRow]!];
    const pivot = matrix[pivotRow]!;
    const scale = pivot[column]!;
    for (let index = column; index < unknownCount; index += 1) pivot[index]! /= scale;
    for (let row = 0; row < matrix.length; row += 1) {
      if (row === pivotRow) continue;
      const target = matrix[row]!;
      const factor = target[column]!;
      if (Math.abs(factor) < EPSILON) continue;
      for (let index = column; index < unknownCount; index += 1) target[index]! -= factor * pivot[index]!;
    }
    pivotColumns.push(column);
    pivotRow += 1;
  }
  const isPivot = new Array<boolean>(unknownCount).fill(false);
  for (const column of pivotColumns) isPivot[column] = true;
  const freeColumns = [...Array(unknownCount).keys()].filter((column) => !isPivot[column]);
  // Basis vector j sets free unknown freeColumns[j] to 1, the other free ones to 0, pivots to −(row entry).
  const byUnknown: number[][] = Array.from({ length: unknownCount }, () => new Array<number>(freeColumns.length).fill(0));
  freeColumns.forEach((free, j) => {
    byUnknown[free]![j] = 1;
  });
  pivotColumns.forEach((column, row) => {
    freeColumns.forEach((free, j) => {
      const value = -matrix[row]![free]!;
      byUnknown[column]![j] = Math.abs(value) < EPSILON ? 0 : value;
    });
  });
  return byUnknown;
}

/** An orthonormal basis of the span of the vectors (Gram–Schmidt): what a set of known cells pins down. */
export function orthonormalBasis(vectors: readonly (readonly number[])[]): number[][] {
  const basis: number[][] = [];
  for (const vector of vectors) {
    const residual = [...vector];
    for (const unit of basis) {
      const dot = residual.reduce((sum, value, index) => sum + value * unit[index]!, 0);
      for (let index = 0; index < residual.length; index += 1) residual[index]! -= dot * unit[index]!;
    }
    const norm = Math.sqrt(residual.reduce((sum, value) => sum + value * value, 0));
    if (norm > EPSILON) basis.push(residual.map((value) => value / norm));
  }
  return basis;
}

/** True when `vector` lies in the span of an orthonormal basis: the unknown is pinned once those cells are known. */
export function inSpan(vector: readonly number[], basis: readonly (readonly number[])[]): boolean {
  // |residual|² = |v|² − Σ (v·bᵢ)² for an orthonormal basis; plain loops, no copies (this runs per insider and cell).
  let normSquared = 0;
  for (let index = 0; index < vector.length; index += 1) normSquared += vector[index]! * vector[index]!;
  if (normSquared < EPSILON * EPSILON) return true;
  let projected = 0;
  for (const unit of basis) {
    let dot = 0;
    for (let index = 0; index < vector.length; index += 1) dot += vector[index]! * unit[index]!;
    projected += dot * dot;
  }
  return normSquared - projected < EPSILON * Math.max(1, normSquared);
}
