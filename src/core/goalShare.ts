// The routine's goal (seed 000, "Mål"): "samtliga rehabiliteringsärenden har en aktiv och aktuell planering" —
// measured as the share of open cases with 0 gaps in the checklist (SPEC §4, §6), per verksamhet and in total,
// against the same share of an earlier round (from that round's manifest; the counts are src/core/checklistCounts.ts).
import type { OperationChecklistCounts } from './checklistCounts.js';

export interface GoalShareRow {
  /** null = the whole administration. */
  operation: string | null;
  cases: number;
  withoutGaps: number;
  /** withoutGaps / cases × 100; null without cases. */
  sharePct: number | null;
  /** The same verksamhet in the earlier round; null when that round had no such verksamhet (or none was given). */
  previous: { cases: number; withoutGaps: number; sharePct: number | null } | null;
  /** sharePct − previous.sharePct in percentage points. */
  changePp: number | null;
}

export interface GoalShare {
  operations: GoalShareRow[];
  total: GoalShareRow;
}

const collator = new Intl.Collator('sv');

function share(withoutGaps: number, cases: number): number | null {
  return cases > 0 ? (withoutGaps / cases) * 100 : null;
}

function row(operation: string | null, cases: number, withoutGaps: number, previous: { cases: number; withoutGaps: number } | null): GoalShareRow {
  const sharePct = share(withoutGaps, cases);
  const previousRow = previous ? { ...previous, sharePct: share(previous.withoutGaps, previous.cases) } : null;
  const changePp = sharePct !== null && previousRow?.sharePct != null ? sharePct - previousRow.sharePct : null;
  return { operation, cases, withoutGaps, sharePct, previous: previousRow, changePp };
}

function sum(counts: readonly OperationChecklistCounts[]): { cases: number; withoutGaps: number } {
  return counts.reduce((total, item) => ({ cases: total.cases + item.cases, withoutGaps: total.withoutGaps + item.casesWithoutGaps }), { cases: 0, withoutGaps: 0 });
}

/**
 * The goal share now and, given the earlier round's counts, then and the change. Verksamheter of either round are
 * listed (one that has no open case now shows 0 cases); the total of the earlier round is its own total.
 */
export function goalShare(current: readonly OperationChecklistCounts[], previous: readonly OperationChecklistCounts[] | null): GoalShare {
  const previousByOperation = new Map((previous ?? []).map((counts) => [counts.operation, counts]));
  const currentByOperation = new Map(current.map((counts) => [counts.operation, counts]));
  const operations = [...new Set([...currentByOperation.keys(), ...previousByOperation.keys()])].sort(collator.compare);
  return {
    operations: operations.map((operation) => {
      const now = currentByOperation.get(operation);
      const then = previousByOperation.get(operation);
      return row(operation, now?.cases ?? 0, now?.casesWithoutGaps ?? 0, then ? { cases: then.cases, withoutGaps: then.casesWithoutGaps } : null);
    }),
    total: (() => {
      const now = sum(current);
      return row(null, now.cases, now.withoutGaps, previous ? sum(previous) : null);
    })(),
  };
}

/**
 * Verksamheter whose case figures shared material must hide (SPEC §7 applied to case counts): those already hidden
 * (their staff is a small group), those with fewer cases than minGroupSize, and then the smallest shown ones until the
 * hidden cells of the total are not one alone and together reach minGroupSize — with protectAgainstInsider, even
 * without the largest of them (a manager knows her own cases). Verksamheter without cases hide nothing.
 */
export function hiddenGoalShareOperations(
  rows: readonly Pick<GoalShareRow, 'operation' | 'cases'>[],
  minGroupSize: number,
  alreadyHidden: ReadonlySet<string>,
  protectAgainstInsider: boolean,
): Set<string> {
  const withCases = rows.filter((row): row is { operation: string; cases: number } => row.operation !== null && row.cases > 0);
  const hidden = new Set(withCases.filter((row) => alreadyHidden.has(row.operation) || row.cases < minGroupSize).map((row) => row.operation));
  const safe = (): boolean => {
    const sizes = withCases.filter((row) => hidden.has(row.operation)).map((row) => row.cases);
    if (sizes.length === 0) return true;
    const sum = sizes.reduce((total, size) => total + size, 0);
    if (sizes.length === 1) return false;
    return sum >= minGroupSize && (!protectAgainstInsider || sum - Math.max(...sizes) >= minGroupSize);
  };
  const candidates = withCases.filter((row) => !hidden.has(row.operation)).sort((a, b) => a.cases - b.cases || collator.compare(a.operation, b.operation));
  while (!safe() && candidates.length > 0) hidden.add(candidates.shift()!.operation);
  for (const row of rows) if (row.operation !== null && alreadyHidden.has(row.operation)) hidden.add(row.operation);
  return hidden;
}
