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

/** One employment's repeated short-term absence, or null. */
export function repeatedShortTermOf(employmentId: string, periods: readonly SickPeriod[], window: DateRange, thresholds: RepeatedThresholds): RepeatedShortTermAbsence | null {
  const from = addMonths(firstOfMonth(window.to), 1 - thresholds.repeatedShortTermMonths);
  const periodStarts = periods.map((period) => period.start).filter((start) => start >= from && start <= window.to);
  return periodStarts.length >= thresholds.repeatedShortTermPeriods ? { employmentId, periodStarts } : null;
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
  for (const [employmentId, periods] of periodsByEmployment) {
    const found = repeatedShortTermOf(employmentId, periods, window, thresholds);
    if (found) result.push(found);
  }
  return byEmploymentId(result);
}
