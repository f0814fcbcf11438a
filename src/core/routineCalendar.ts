// The routine's year (SPEC §1, seed 000 "Omfattning"): leadership deck Feb/Aug, follow-ups Feb–Apr/Aug–Oct, analysis May/Nov.
import { addDays, addMonths, daysBetween, firstOfMonth, lastOfMonth, type DateRange, type IsoDate } from './calendarDate.js';

export type RoutinePhase = 'management_team_and_follow_up' | 'follow_up' | 'analysis' | 'between_periods';
export type Season = 'spring' | 'autumn';

export interface RoutineMoment {
  asOf: IsoDate;
  phase: RoutinePhase;
  season: Season;
  /** The calendar year the season belongs to (December prepares next year's spring). */
  seasonYear: number;
}

export function routinePhase(asOf: IsoDate): RoutinePhase {
  const month = Number(asOf.slice(5, 7));
  if (month === 2 || month === 8) return 'management_team_and_follow_up';
  if (month === 3 || month === 4 || month === 9 || month === 10) return 'follow_up';
  if (month === 5 || month === 11) return 'analysis';
  return 'between_periods';
}

/** Dec–May belong to the spring round (Dec and Jan prepare it), Jun–Nov to the autumn round. */
export function routineMoment(asOf: IsoDate): RoutineMoment {
  const year = Number(asOf.slice(0, 4));
  const month = Number(asOf.slice(5, 7));
  const season: Season = month >= 6 && month <= 11 ? 'autumn' : 'spring';
  return { asOf, phase: routinePhase(asOf), season, seasonYear: month === 12 ? year + 1 : year };
}

/** One round of the routine: leadership deck and follow-ups from the 1st of Feb/Aug, analysis in May/Nov. */
export interface RoutineRound {
  season: Season;
  seasonYear: number;
  /** First day of the round (1 February or 1 August): the leadership deck month begins. */
  start: IsoDate;
  followUp: DateRange;
  analysis: DateRange;
  /** The date the data window is counted from: the as-of date, or the round's start when the date lies before it. */
  windowAsOf: IsoDate;
  window: DateRange;
}

/**
 * The round a date prepares or belongs to. Before a round starts (Dec–Jan, Jun–Jul) its data window is
 * the one prep will use on its first day: in June that is the autumn round's Feb–Jul, not Dec–May.
 */
export function routineRound(asOf: IsoDate, months = 6): RoutineRound {
  const { season, seasonYear } = routineMoment(asOf);
  const firstMonth = season === 'spring' ? 2 : 8;
  const start = `${seasonYear}-${String(firstMonth).padStart(2, '0')}-01`;
  const followUpEnd = lastOfMonth(addMonths(start, 2));
  const analysisStart = addMonths(start, 3);
  const windowAsOf = asOf < start ? start : asOf;
  return {
    season, seasonYear, start,
    followUp: { from: start, to: followUpEnd },
    analysis: { from: analysisStart, to: lastOfMonth(analysisStart) },
    windowAsOf,
    window: defaultWindow(windowAsOf, months),
  };
}

/** The six (or N) full calendar months before the month of the as-of date (SPEC §3). */
export function defaultWindow(asOf: IsoDate, months = 6): DateRange {
  return { from: addMonths(firstOfMonth(asOf), -months), to: addDays(firstOfMonth(asOf), -1) };
}

/** Whole calendar months covered by a range, or null when it does not start on a 1st and end on a last day. */
export function wholeMonths(range: DateRange): number | null {
  if (range.from !== firstOfMonth(range.from) || range.to !== lastOfMonth(range.to)) return null;
  const [fromYear, fromMonth] = range.from.split('-').map(Number) as [number, number];
  const [toYear, toMonth] = range.to.split('-').map(Number) as [number, number];
  return (toYear - fromYear) * 12 + (toMonth - fromMonth) + 1;
}

/** The same number of months right before the window; for a window that is not whole months, the same number of days. */
export function previousWindow(window: DateRange): DateRange {
  const months = wholeMonths(window);
  const to = addDays(window.from, -1);
  if (months !== null) return { from: addMonths(window.from, -months), to };
  return { from: addDays(window.from, -(daysBetween(window.from, window.to) + 1)), to };
}

/** The 12 calendar months that end with the month of the window end, as 'YYYY-MM-01' starts. */
export function trendMonths(window: DateRange, count = 12): IsoDate[] {
  const lastMonthStart = firstOfMonth(window.to);
  return Array.from({ length: count }, (_, index) => addMonths(lastMonthStart, index - count + 1));
}
