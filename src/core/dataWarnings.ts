// Data warnings found across files: sick days on which the employment has no valid row (SPEC §3: counted, reported, left out).
import { maxDate, toDayNumber, type DateRange, type IsoDate } from './calendarDate.js';
import type { DataWarning, Dataset, EmploymentRow, SickSegment } from './types.js';

/**
 * One warning per sick segment with days inside `range` on which no employment row of its
 * anstallnings_id is valid. An ongoing segment runs to asOf.
 */
export function sickDaysWithoutEmployment(dataset: Dataset, range: DateRange, asOf: IsoDate): DataWarning[] {
  const rowsById = new Map<string, EmploymentRow[]>();
  for (const row of dataset.employments) {
    const rows = rowsById.get(row.employmentId) ?? [];
    rows.push(row);
    rowsById.set(row.employmentId, rows);
  }
  const rangeStart = toDayNumber(range.from);
  const rangeEnd = toDayNumber(range.to);
  const warnings: DataWarning[] = [];
  for (const segment of dataset.sickSegments) {
    const start = Math.max(toDayNumber(segment.from), rangeStart);
    const end = Math.min(toDayNumber(segment.to ?? asOf), rangeEnd);
    if (end < start) continue;
    const covered = coveredDays(rowsById.get(segment.employmentId) ?? [], start, end);
    const days = end - start + 1 - covered;
    if (days > 0) warnings.push({ code: 'sick_day_without_employment', file: 'sjukfranvaro.csv', line: segment.line, days });
  }
  return warnings;
}

/** Days of [start, end] (day numbers) covered by at least one of the rows. */
function coveredDays(rows: EmploymentRow[], start: number, end: number): number {
  const intervals = rows
    .map((row) => [Math.max(toDayNumber(row.validFrom), start), Math.min(row.validTo === null ? end : toDayNumber(row.validTo), end)] as const)
    .filter(([from, to]) => from <= to)
    .sort((a, b) => a[0] - b[0]);
  let covered = 0;
  let reach = start - 1;
  for (const [from, to] of intervals) {
    const first = Math.max(from, reach + 1);
    if (to >= first) covered += to - first + 1;
    reach = Math.max(reach, to);
  }
  return covered;
}

/** First and last sick day in the data (an ongoing segment runs to asOf), or null without segments. */
export function sickDataRange(segments: SickSegment[], asOf: IsoDate): DateRange | null {
  if (segments.length === 0) return null;
  let from = segments[0]!.from;
  let to = segments[0]!.to ?? maxDate(asOf, segments[0]!.from);
  for (const segment of segments) {
    if (segment.from < from) from = segment.from;
    const end = segment.to ?? maxDate(asOf, segment.from);
    if (end > to) to = end;
  }
  return { from, to };
}
