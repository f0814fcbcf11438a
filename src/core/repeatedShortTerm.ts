// Repeated short-term absence (SPEC §3): at least N sick periods that began in the M whole calendar months ending
// with the window's last month, counted up to the window end. The figures report it and the checklist acts on it.
import { addMonths, firstOfMonth, type DateRange, type IsoDate } from './calendarDate.js';
import type { SickPeriod } from './sickPeriods.js';
import type { Thresholds } from './thresholds.js';

export interface RepeatedShortTermAbsence {
  employmentId: string;
  /** Starts of the sick periods that began in the N whole months ending with the window's last month, up to the window end. */
  periodStarts: IsoDate[];
}

const collator = new Intl.Collator('sv');

type RepeatedThresholds = Pick<Thresholds, 'repeatedShortTermMonths' | 'repeatedShortTermPeriods'>;

export interface RepeatedShortTermRule {
  /** The N whole months ending with the window's last month, up to the window end. */
  months: DateRange;
  periods: number;
}

export function repeatedShortTermRule(window: DateRange, thresholds: RepeatedThresholds): RepeatedShortTermRule {
  return { months: { from: addMonths(firstOfMonth(window.to), 1 - thresholds.repeatedShortTermMonths), to: window.to }, periods: thresholds.repeatedShortTermPeriods };
}

/** One employment's repeated short-term absence, or null. */
export function repeatedShortTermOf(employmentId: string, periods: readonly SickPeriod[], rule: RepeatedShortTermRule): RepeatedShortTermAbsence | null {
  const { from, to } = rule.months;
  const periodStarts = periods.map((period) => period.start).filter((start) => start >= from && start <= to);
  return periodStarts.length >= rule.periods ? { employmentId, periodStarts } : null;
}

/** In the order reports list them: by anstallnings_id. */
export function byEmploymentId(list: RepeatedShortTermAbsence[]): RepeatedShortTermAbsence[] {
  return list.sort((a, b) => collator.compare(a.employmentId, b.employmentId));
}

/** Every employment with repeated short-term absence, by anstallnings_id. */
export function repeatedShortTermAbsence(
  periodsByEmployment: Iterable<readonly [string, readonly SickPeriod[]]>,
  window: DateRange,
  thresholds: RepeatedThresholds,
): RepeatedShortTermAbsence[] {
  const result: RepeatedShortTermAbsence[] = [];
  const rule = repeatedShortTermRule(window, thresholds);
  for (const [employmentId, periods] of periodsByEmployment) {
    const found = repeatedShortTermOf(employmentId, periods, rule);
    if (found) result.push(found);
  }
  return byEmploymentId(result);
}
