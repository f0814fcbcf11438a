// Checklist counts per verksamhet (SPEC §6 manifest): what the next round's analysis compares with, above all the
// routine's goal — the share of open cases with an active and current planning (0 gaps). Counts only, no person.
import type { Assessment, CaseEvaluation, CheckName } from './caseChecklist.js';

export interface OperationChecklistCounts {
  /** The verksamhet of the case's employment row valid on the as-of date. */
  operation: string;
  /** Open cases. */
  cases: number;
  /** Open cases with 0 gaps: the routine's goal is that every case is here. */
  casesWithoutGaps: number;
  /** Cases whose check is a gap, per check. */
  gapsByCheck: Record<CheckName, number>;
  assessments: Record<Assessment, number>;
}

const collator = new Intl.Collator('sv');

function emptyCounts(operation: string): OperationChecklistCounts {
  return {
    operation,
    cases: 0,
    casesWithoutGaps: 0,
    gapsByCheck: { certificate: 0, healthTalk: 0, returnPlan: 0, activity: 0 },
    assessments: { systematic: 0, partial: 0, needs_support: 0 },
  };
}

/**
 * One entry per verksamhet of `operations` (those of the run, also without an open case: "no case" is not "not
 * in the run") and per verksamhet of a case, sorted by name (Swedish order).
 */
export function checklistCountsByOperation(cases: readonly CaseEvaluation[], operations: readonly string[] = []): OperationChecklistCounts[] {
  const byOperation = new Map<string, OperationChecklistCounts>(operations.map((operation) => [operation, emptyCounts(operation)]));
  for (const rehabCase of cases) {
    let counts = byOperation.get(rehabCase.operation);
    if (!counts) {
      counts = emptyCounts(rehabCase.operation);
      byOperation.set(rehabCase.operation, counts);
    }
    counts.cases += 1;
    if (rehabCase.gaps === 0) counts.casesWithoutGaps += 1;
    for (const check of rehabCase.gapChecks) counts.gapsByCheck[check] += 1;
    counts.assessments[rehabCase.assessment] += 1;
  }
  return [...byOperation.values()].sort((a, b) => collator.compare(a.operation, b.operation));
}
