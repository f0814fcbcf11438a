// Checks across rows and files: periods that end before they start, overlaps, unknown employments, duplicate case ids.
import type { IsoDate } from '../core/calendarDate.js';
import type { InputProblem } from '../errors.js';

interface Period {
  key: string;
  from: IsoDate;
  /** null = open-ended. */
  to: IsoDate | null;
  line: number;
}

/** `to` before `from` on one row. */
export function endBeforeStart(file: string, periods: Period[], fromField: string, toField: string): InputProblem[] {
  return periods
    .filter((period) => period.to !== null && period.to < period.from)
    .map((period) => ({ file, line: period.line, field: toField, message: `ligger före ${fromField} ${period.from}`, value: period.to! }));
}

/**
 * Periods of the same key that share a day. Each row is compared with the row reaching furthest among
 * those that start before it, so every overlapping row is reported once, at the later-starting row.
 * Rows that end before they start are left out (they are reported by endBeforeStart).
 */
export function overlappingPeriods(file: string, periods: Period[], fromField: string, keyField: string): InputProblem[] {
  const byKey = new Map<string, Period[]>();
  for (const period of periods) {
    if (period.to !== null && period.to < period.from) continue;
    const list = byKey.get(period.key) ?? [];
    list.push(period);
    byKey.set(period.key, list);
  }
  const problems: InputProblem[] = [];
  for (const list of byKey.values()) {
    list.sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : a.line - b.line));
    let reach: Period | null = null;
    for (const period of list) {
      if (reach !== null && (reach.to === null || reach.to >= period.from)) {
        problems.push({ file, line: period.line, field: fromField, message: `överlappar rad ${reach.line} med samma ${keyField}`, value: period.from });
      }
      if (reach === null || (reach.to !== null && (period.to === null || period.to > reach.to))) reach = period;
    }
  }
  return problems;
}

/** Rows that refer to an anstallnings_id that anstallda.csv does not have. */
export function unknownEmployments(file: string, rows: { employmentId: string; line: number }[], knownIds: ReadonlySet<string>): InputProblem[] {
  return rows
    .filter((row) => !knownIds.has(row.employmentId))
    .map((row) => ({ file, line: row.line, field: 'anstallnings_id', message: 'finns inte i anstallda.csv', value: row.employmentId }));
}

/** A case id that occurs on more than one row: reported on every row after the first. */
export function duplicateIds(file: string, rows: { id: string; line: number }[], field: string): InputProblem[] {
  const firstLine = new Map<string, number>();
  const problems: InputProblem[] = [];
  for (const row of rows) {
    const first = firstLine.get(row.id);
    if (first === undefined) firstLine.set(row.id, row.line);
    else problems.push({ file, line: row.line, field, message: `finns redan på rad ${first}`, value: row.id });
  }
  return problems;
}
