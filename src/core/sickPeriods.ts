// Sick periods from segments (SPEC §3): sjuklönelagen 7 § — a relapse within 5 days continues the earlier period.
import { groupBy } from './groupBy.js';
import { addDays, daysBetween, minDate, type IsoDate } from './calendarDate.js';
import type { SickSegment } from './types.js';

/** A segment clipped to the as-of date, with the day number of its first day inside its period. */
export interface PeriodSegment {
  from: IsoDate;
  to: IsoDate;
  extent: number;
  /** Day number (1-based, gap days not counted) of `from` within the period. */
  firstDayNumber: number;
  line: number;
}

export interface SickPeriod {
  employmentId: string;
  /** First sick day. */
  start: IsoDate;
  /** Last sick day (an ongoing segment runs to the as-of date). */
  end: IsoDate;
  /** Number of sick days in the period; gap days are not counted. */
  sickDays: number;
  segments: PeriodSegment[];
}

export interface SickPeriodOptions {
  /** At most this many calendar days without sick leave between two segments merge them. */
  relapseGapDays: number;
  /** Ongoing segments (no tom) run to this date; an ongoing segment starting after it is left out (closed ones are kept whole). */
  asOf: IsoDate;
}

/** Segments of one employment → its sick periods in date order. Overlapping segments are rejected by the input layer. */
export function sickPeriodsOfEmployment(employmentId: string, segments: readonly SickSegment[], options: SickPeriodOptions): SickPeriod[] {
  const clipped = segments
    .map((segment) => ({ ...segment, to: segment.to ?? options.asOf }))
    .filter((segment) => segment.to >= segment.from)
    .sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
  const periods: SickPeriod[] = [];
  let current: SickPeriod | undefined;
  for (const segment of clipped) {
    const gapDays = current ? daysBetween(current.end, segment.from) - 1 : Infinity;
    if (!current || gapDays > options.relapseGapDays) {
      current = { employmentId, start: segment.from, end: segment.from, sickDays: 0, segments: [] };
      periods.push(current);
    }
    // Defensive for overlapping input: count each calendar day once.
    const from = segment.from > current.end || current.sickDays === 0 ? segment.from : addDays(current.end, 1);
    if (from > segment.to) continue;
    current.segments.push({ from, to: segment.to, extent: segment.extent, firstDayNumber: current.sickDays + 1, line: segment.line });
    current.sickDays += daysBetween(from, segment.to) + 1;
    current.end = segment.to;
  }
  return periods;
}

/** All employments' periods, keyed by anstallnings_id (in the order the ids first appear). */
export function buildSickPeriods(segments: readonly SickSegment[], options: SickPeriodOptions): Map<string, SickPeriod[]> {
  return new Map(eachEmploymentsSickPeriods(segments, options));
}

/** The same, one employment at a time, for a single pass that need not hold every period at once. */
export function* eachEmploymentsSickPeriods(segments: readonly SickSegment[], options: SickPeriodOptions): Generator<[string, SickPeriod[]]> {
  for (const [employmentId, list] of groupBy(segments, (segment) => segment.employmentId)) yield [employmentId, sickPeriodsOfEmployment(employmentId, list, options)];
}

/** Day number of a date in the period, or null when the date is not a sick day of it. */
export function dayNumberOn(period: SickPeriod, date: IsoDate): number | null {
  for (const segment of period.segments) {
    if (date >= segment.from && date <= segment.to) return segment.firstDayNumber + daysBetween(segment.from, date);
  }
  return null;
}

/** The period in which the date is a sick day, if any. */
export function periodOn(periods: readonly SickPeriod[], date: IsoDate): SickPeriod | null {
  return periods.find((period) => period.start <= date && period.end >= date && dayNumberOn(period, date) !== null) ?? null;
}

/** Sick days of the period on or before the date (its length "counted up to" that date). */
export function sickDaysUpTo(period: SickPeriod, date: IsoDate): number {
  let count = 0;
  for (const segment of period.segments) {
    if (segment.from > date) break;
    count += daysBetween(segment.from, minDate(segment.to, date)) + 1;
  }
  return count;
}
