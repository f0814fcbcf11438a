// Sick leave without a case (SPEC §4): a long sick leave that nobody follows up is the risk the routine most needs
// HR to see ("identifierade risker för sjukskrivning"). A closed case is no follow-up.
import type { IsoDate } from './calendarDate.js';
import { employmentRowOn, isOpenCase, nextMilestone, placementOf, type CaseEvaluation, type CasePlacement } from './caseChecklist.js';
import { dayNumberOn, periodOn, type SickPeriod } from './sickPeriods.js';
import type { Thresholds } from './thresholds.js';
import type { EmploymentRow, RehabCase } from './types.js';

export interface UncoveredSickLeave extends CasePlacement {
  employmentId: string;
  /** Shown only in HR material (never in shared decks, logs or mails). */
  employeeName: string;
  periodStart: IsoDate;
  dayNumber: number;
  /** Omfattning (percent) of the segment that covers the as-of date. */
  extent: number;
  nextMilestone: CaseEvaluation['nextMilestone'];
}

export interface UncoveredSickLeaveInput {
  asOf: IsoDate;
  thresholds: Pick<Thresholds, 'sickLeaveWithoutCaseFromDay'>;
  periodsByEmployment: ReadonlyMap<string, readonly SickPeriod[]>;
  rowsByEmployment: ReadonlyMap<string, readonly EmploymentRow[]>;
  cases: readonly RehabCase[];
}

/** Employments whose current period has reached the threshold day with no open case; highest day number first. */
export function uncoveredSickLeave(input: UncoveredSickLeaveInput): UncoveredSickLeave[] {
  const { asOf, thresholds } = input;
  const followedUp = new Set(input.cases.filter((rehabCase) => isOpenCase(rehabCase, asOf)).map((rehabCase) => rehabCase.employmentId));
  const uncovered: UncoveredSickLeave[] = [];
  for (const [employmentId, periods] of input.periodsByEmployment) {
    if (followedUp.has(employmentId)) continue;
    const period = periodOn(periods, asOf);
    const dayNumber = period ? dayNumberOn(period, asOf) : null;
    if (period === null || dayNumber === null || dayNumber < thresholds.sickLeaveWithoutCaseFromDay) continue;
    const segment = period.segments.find((candidate) => candidate.from <= asOf && candidate.to >= asOf)!;
    const row = employmentRowOn(input.rowsByEmployment.get(employmentId) ?? [], asOf);
    uncovered.push({
      employmentId,
      employeeName: row?.name ?? '',
      ...placementOf(row),
      periodStart: period.start,
      dayNumber,
      extent: segment.extent,
      nextMilestone: nextMilestone(dayNumber, asOf),
    });
  }
  return uncovered.sort((a, b) => b.dayNumber - a.dayNumber || (a.employmentId < b.employmentId ? -1 : a.employmentId > b.employmentId ? 1 : 0));
}
